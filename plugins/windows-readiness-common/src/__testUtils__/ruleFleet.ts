import { analyzeWorkload } from '../analysis/workloadAnalysis';
import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import { buildOsSkuTable } from '../catalog/osSkus';
import { evaluateFleet } from '../evaluate/evaluateFleet';
import { ImageCatalog } from '../images/imageReference';
import type {
  CheckId,
  CheckResult,
  EventObject,
  Fleet,
  ImageRecord,
  KubernetesObject,
  NodePool,
  PodObject,
  PodSpec,
  WorkloadResult,
} from '../model';
import { profilePool } from '../scheduling/poolProfile';
import { extractWorkloads } from '../workloads/workloads';

/**
 * One AKS cluster, as the rules' table-driven tests describe it: pools as
 * ARM lists them, objects as the API returns them, registry answers.
 */
export const SERVICE = 'svc';
export const NAMESPACE = 'shop';
export const AS_OF = new Date('2026-11-27T00:00:00Z');

/** A system pool with the taint AKS documents for system-only pools. */
export const SYSTEM: NodePool = {
  name: 'system',
  osType: 'Linux',
  osSku: 'AzureLinux',
  mode: 'System',
  count: 2,
  taints: ['CriticalAddonsOnly=true:NoSchedule'],
};
export const LINUX: NodePool = {
  name: 'nplinux',
  osType: 'Linux',
  osSku: 'Ubuntu',
  count: 3,
};
export const WIN22: NodePool = {
  name: 'npw22',
  osType: 'Windows',
  osSku: 'Windows2022',
  count: 2,
  nodeImageVersion: 'AKSWindows-2022-containerd-20348.4294.251027',
  taints: ['os=windows:NoSchedule'],
};
export const WIN25: NodePool = {
  name: 'npw25',
  osType: 'Windows',
  osSku: 'Windows2025',
  count: 2,
  nodeImageVersion: 'AKSWindows-2025-gen2-26100.6905.251027',
  taints: ['os=windows:NoSchedule'],
};

/** The checks docs/rules.md skips for a workload that does not involve Windows. */
export const WINDOWS_CHECKS: readonly CheckId[] = [
  'image-os-build',
  'build-selector',
  'os-selector',
  'taint-toleration',
  'os-sku-lifecycle',
  'upgrade-path',
];

export const TOLERATE_OS: PodSpec['tolerations'] = [
  { key: 'os', operator: 'Equal', value: 'windows', effect: 'NoSchedule' },
];

export function deployment(
  spec: PodSpec,
  name = 'web',
  kind = 'Deployment',
): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: {
      name,
      namespace: NAMESPACE,
      labels: { 'backstage.io/kubernetes-id': SERVICE },
    },
    spec: { template: { spec } },
  };
}

export function pod(
  name: string,
  owner: { kind: string; name: string },
  spec: PodSpec,
  status: PodObject['status'],
  uid?: string,
): PodObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: NAMESPACE,
      ...(uid ? { uid } : {}),
      ownerReferences: [owner],
    },
    spec,
    status,
  };
}

/** A Node object of an AKS pool, labelled as AKS labels it. */
export function node(
  name: string,
  pool: string,
  taints?: Array<{ key: string; value?: string; effect: string }>,
): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.azure.com/agentpool': pool },
    },
    ...(taints ? { spec: { taints } } : {}),
  };
}

export function event(
  podName: string,
  reason: string,
  message: string,
  uid?: string,
): EventObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${podName}.${reason}`, namespace: NAMESPACE },
    involvedObject: {
      kind: 'Pod',
      name: podName,
      namespace: NAMESPACE,
      ...(uid ? { uid } : {}),
    },
    reason,
    type: 'Warning',
    message,
  };
}

export interface Scene {
  pools: NodePool[];
  objects: KubernetesObject[];
  images?: Record<string, ImageRecord>;
  kubernetesVersion?: string;
}

export function fleetOf(scene: Scene): Fleet {
  return {
    apiVersion: 'winready/v1',
    kind: 'Fleet',
    metadata: { name: 'rules' },
    clusters: [
      {
        name: 'aks-rules',
        kubernetesVersion: scene.kubernetesVersion ?? '1.33.2',
        azure: { location: 'westeurope' },
        nodePools: scene.pools,
        objects: scene.objects,
      },
    ],
    images: scene.images ?? {},
  };
}

/** The one workload of the scene, as the evaluator judges it. */
export function judge(scene: Scene): WorkloadResult {
  const service = evaluateFleet(fleetOf(scene), { asOf: AS_OF }).services.find(
    s => s.id === SERVICE,
  );
  if (!service) throw new Error('the scene has no workload of the service');
  return service.workloads[0];
}

export function checkOf(scene: Scene, id: CheckId): CheckResult {
  return judge(scene).checks.find(check => check.id === id)!;
}

/** The analysis behind the verdicts, for the pool sets and involvement. */
export function analysisOf(scene: Scene): WorkloadAnalysis {
  const fleet = fleetOf(scene);
  const cluster = fleet.clusters[0];
  const osSkus = buildOsSkuTable();
  const pools = cluster.nodePools.map(p => profilePool(cluster, p, osSkus));
  const workload = extractWorkloads(cluster).find(
    w => w.serviceId === SERVICE,
  )!;
  return analyzeWorkload(
    workload,
    pools,
    cluster.objects ?? [],
    new ImageCatalog(fleet.images ?? {}),
  );
}
