import type { Cluster, KubernetesObject, NodePool, OsType } from '../model';
import { findOsSku, type OsSkuInfo, type OsSkuTable } from '../catalog/osSkus';
import {
  formatWindowsVersion,
  parseKernelVersion,
  type WindowsVersion,
} from '../versions/windowsVersion';
import { parseNodeImageVersion } from '../versions/nodeImageVersion';
import { parseTaint, type Taint } from './taints';
import type { Labels } from './nodeSelection';

export type BuildSource = 'kernelVersion' | 'nodeImageVersion' | 'osSku';

/** A node pool as the scheduler and the container runtime see it. */
export interface PoolProfile {
  cluster: string;
  name: string;
  osType: OsType;
  /** The OS SKU in effect, with AKS's default filled in when ARM omits it. */
  osSku?: string;
  osSkuInfo?: OsSkuInfo;
  hostBuild?: WindowsVersion;
  hostBuildSource?: BuildSource;
  /** Labels of the pool's nodes: user labels plus those AKS and the kubelet set. */
  labels: Labels;
  taints: Taint[];
  nodeNames: string[];
  pool: NodePool;
}

function minorOf(kubernetesVersion: string | undefined): number | undefined {
  const match = /^v?1\.(\d+)/.exec(kubernetesVersion ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * AKS's default when osSKU is omitted: Windows2019 up to 1.24, Windows2022
 * from 1.25, Windows2025 from 1.37 (Azure/AKS#5904).
 */
export function effectiveOsSku(
  pool: NodePool,
  kubernetesVersion: string | undefined,
): string | undefined {
  if (pool.osSku) return pool.osSku;
  if (pool.osType !== 'Windows') return undefined;
  const minor = minorOf(pool.orchestratorVersion ?? kubernetesVersion);
  if (minor !== undefined && minor <= 24) return 'Windows2019';
  return minor !== undefined && minor >= 37 ? 'Windows2025' : 'Windows2022';
}

// AKS ARM sizes with a "p" feature letter (D4ps_v5, E8pds_v5) are Ampere arm64.
function architectureOf(vmSize: string | undefined): string {
  return /^Standard_[A-Z]+\d+[a-z]*p[a-z]*_v\d+$/i.test(vmSize ?? '')
    ? 'arm64'
    : 'amd64';
}

function hostBuildOf(
  pool: NodePool,
  node: KubernetesObject | undefined,
  osSkuInfo: OsSkuInfo | undefined,
): { build?: WindowsVersion; source?: BuildSource } {
  const fromKernel = parseKernelVersion(
    node?.status?.nodeInfo?.kernelVersion ?? pool.kernelVersion,
  );
  if (fromKernel) return { build: fromKernel, source: 'kernelVersion' };
  const image = parseNodeImageVersion(pool.nodeImageVersion);
  if (image?.os === 'windows') {
    return {
      build: {
        major: 10,
        minor: 0,
        build: image.build,
        revision: image.revision,
      },
      source: 'nodeImageVersion',
    };
  }
  if (osSkuInfo?.build) {
    return {
      build: { major: 10, minor: 0, build: osSkuInfo.build },
      source: 'osSku',
    };
  }
  return {};
}

/** Node objects of this pool, when live collection read them. */
export function nodesOfPool(
  objects: readonly KubernetesObject[],
  poolName: string,
): KubernetesObject[] {
  return objects.filter(
    object =>
      object.kind === 'Node' &&
      (object.metadata?.labels?.['kubernetes.azure.com/agentpool'] ===
        poolName ||
        object.metadata?.labels?.agentpool === poolName),
  );
}

function impliedLabels(
  cluster: Cluster,
  pool: NodePool,
  osSku: string | undefined,
  hostBuild: WindowsVersion | undefined,
): Record<string, string> {
  const os = pool.osType === 'Windows' ? 'windows' : 'linux';
  const arch = architectureOf(pool.vmSize);
  const labels: Record<string, string> = {
    'kubernetes.io/os': os,
    'beta.kubernetes.io/os': os,
    'kubernetes.io/arch': arch,
    'beta.kubernetes.io/arch': arch,
    'kubernetes.azure.com/agentpool': pool.name,
    agentpool: pool.name,
    'kubernetes.azure.com/mode': (pool.mode ?? 'User').toLowerCase(),
    'kubernetes.azure.com/role': 'agent',
    'kubernetes.azure.com/cluster': cluster.name,
  };
  if (osSku) labels['kubernetes.azure.com/os-sku'] = osSku;
  if (pool.nodeImageVersion) {
    labels['kubernetes.azure.com/node-image-version'] = pool.nodeImageVersion;
  }
  if (pool.vmSize) labels['node.kubernetes.io/instance-type'] = pool.vmSize;
  if (pool.osType === 'Windows' && hostBuild) {
    // The kubelet writes Major.Minor.Build only.
    labels['node.kubernetes.io/windows-build'] = formatWindowsVersion(
      hostBuild,
      false,
    );
  }
  if (cluster.azure?.location) {
    labels['topology.kubernetes.io/region'] = cluster.azure.location;
  }
  return labels;
}

const INSTANCE_SUFFIX = /^[0-9a-z]{6}$/;

/** AKS node names: `aks<pool><6>` on Windows, `aks-<pool>-<id>-vmss<6>` on Linux. */
export function poolOfNodeName(
  nodeName: string,
  poolNames: readonly string[],
): string | undefined {
  for (const pool of poolNames) {
    const windowsName =
      nodeName.length === pool.length + 9 &&
      nodeName.startsWith(`aks${pool}`) &&
      INSTANCE_SUFFIX.test(nodeName.slice(pool.length + 3));
    if (windowsName || nodeName.startsWith(`aks-${pool}-`)) return pool;
  }
  return undefined;
}

export function profilePool(
  cluster: Cluster,
  pool: NodePool,
  osSkus: OsSkuTable,
): PoolProfile {
  const osSku = effectiveOsSku(pool, cluster.kubernetesVersion);
  const osSkuInfo = osSku ? findOsSku(osSkus, osSku) : undefined;
  const nodes = nodesOfPool(cluster.objects ?? [], pool.name);
  const { build, source } =
    pool.osType === 'Windows' ? hostBuildOf(pool, nodes[0], osSkuInfo) : {};
  const nodeLabels = nodes[0]?.metadata?.labels ?? {};
  return {
    cluster: cluster.name,
    name: pool.name,
    osType: pool.osType,
    osSku,
    osSkuInfo,
    hostBuild: build,
    hostBuildSource: source,
    labels: {
      ...impliedLabels(cluster, pool, osSku, build),
      ...nodeLabels,
      ...(pool.labels ?? {}),
    },
    taints: (pool.taints ?? [])
      .map(parseTaint)
      .filter((taint): taint is Taint => taint !== undefined),
    nodeNames: nodes
      .map(node => node.metadata?.name)
      .filter((name): name is string => !!name),
    pool,
  };
}
