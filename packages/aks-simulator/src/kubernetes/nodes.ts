import {
  describeWindowsBuild,
  parseNodeImageVersion,
  parseTaint,
  profilePool,
  type Cluster,
  type KubernetesObject,
  type NodePool,
  type OsSkuTable,
} from '@winready/plugin-windows-readiness-common';
import {
  armOsSku,
  clusterKubernetesVersion,
  fullKubernetesVersion,
  nodeCount,
} from '../arm/armModel';
import type { ArmLocation } from '../state';
import { CREATION_TIMESTAMP, deterministicUid } from './objects';

/**
 * Pure: the Node objects of a cluster's pools, as AKS and the kubelet would
 * register them (facts 4.2, 4.3, 5.2). Labels come from the common package's
 * `profilePool` (one source of truth for what the rules expect), plus
 * `kubernetes.io/hostname`.
 */

export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.20+azure';
/** The VMSS id part of Linux node names: `aks-<pool>-12345678-vmss000000`. */
export const LINUX_VMSS_ID = '12345678';

export function nodeName(pool: NodePool, index: number): string {
  const instance = String(index).padStart(6, '0');
  return pool.osType === 'Windows'
    ? `aks${pool.name}${instance}`
    : `aks-${pool.name}-${LINUX_VMSS_ID}-vmss${instance}`;
}

const LINUX_OS: Array<[RegExp, string, string]> = [
  [/^ubuntu2404$/i, 'Ubuntu 24.04.3 LTS', '6.8.0-1041-azure'],
  [/^(ubuntu|ubuntu2204)$/i, 'Ubuntu 22.04.5 LTS', '5.15.0-1098-azure'],
  [/^azurelinux3?$/i, 'Microsoft Azure Linux 3.0', '6.6.104.2-4.azl3'],
  [
    /^(cblmariner|mariner|azurelinux2)$/i,
    'CBL-Mariner/Linux',
    '5.15.186.1-1.cm2',
  ],
];

/** What the kubelet reads from the host: kernelVersion and osImage. */
export function hostInfo(
  pool: NodePool,
  osSku: string,
  windowsBuild: number | undefined,
): { kernelVersion: string; osImage: string } {
  if (pool.osType !== 'Windows') {
    const known = LINUX_OS.find(([pattern]) => pattern.test(osSku));
    return known
      ? { osImage: known[1], kernelVersion: known[2] }
      : { osImage: 'Linux', kernelVersion: '6.6.0' };
  }
  const image = parseNodeImageVersion(pool.nodeImageVersion);
  // A pool with neither a kernelVersion nor a Windows node image version
  // gets an empty one: inventing a UBR would decide compatibility.
  const kernelVersion =
    pool.kernelVersion ??
    (image?.os === 'windows' ? `10.0.${image.build}.${image.revision}` : '');
  const build = describeWindowsBuild(windowsBuild ?? -1);
  return {
    kernelVersion,
    osImage:
      build?.channel === 'LTSC'
        ? `${build.name} Datacenter`
        : 'Windows Server Datacenter',
  };
}

function cpusOf(vmSize: string | undefined): number {
  const match = /^Standard_[A-Z]+(\d+)/i.exec(vmSize ?? '');
  return match ? Number(match[1]) : 4;
}

function conditions(): Array<Record<string, string>> {
  const at = CREATION_TIMESTAMP;
  const condition = (type: string, status: string, reason: string) => ({
    type,
    status,
    lastHeartbeatTime: at,
    lastTransitionTime: at,
    reason,
    message: `simulated: ${reason}`,
  });
  return [
    condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory'),
    condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure'),
    condition('PIDPressure', 'False', 'KubeletHasSufficientPID'),
    condition('Ready', 'True', 'KubeletReady'),
  ];
}

/** The `count` nodes of one pool. */
export function synthesizePoolNodes(
  cluster: Cluster,
  pool: NodePool,
  arm: ArmLocation,
  osSkus: OsSkuTable,
  resourceVersion: string,
): KubernetesObject[] {
  const profile = profilePool(cluster, pool, osSkus);
  const osSku = armOsSku(cluster, pool, osSkus);
  const { kernelVersion, osImage } = hostInfo(
    pool,
    osSku,
    profile.hostBuild?.build,
  );
  const kubelet = `v${fullKubernetesVersion(
    pool.orchestratorVersion ?? clusterKubernetesVersion(cluster),
  )}`;
  const cpus = cpusOf(pool.vmSize);
  const resources = {
    cpu: String(cpus),
    memory: `${cpus * 4 * 1024 * 1024}Ki`,
    pods: '30',
    'ephemeral-storage': '129886128Ki',
  };
  const nodeResourceGroup = `MC_${arm.resourceGroup}_${cluster.name}_${arm.location}`;
  const vmss =
    pool.osType === 'Windows'
      ? `aks${pool.name}`
      : `aks-${pool.name}-${LINUX_VMSS_ID}-vmss`;
  const taints = (pool.taints ?? [])
    .map(parseTaint)
    .filter(taint => taint !== undefined)
    .map(taint => ({
      key: taint.key,
      ...(taint.value !== undefined ? { value: taint.value } : {}),
      effect: taint.effect,
    }));
  const poolIndex = cluster.nodePools.indexOf(pool);

  return Array.from({ length: nodeCount(pool) }, (_, index) => {
    const name = nodeName(pool, index);
    const uid = deterministicUid(`${cluster.name}/Node//${name}`);
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        uid,
        resourceVersion,
        creationTimestamp: CREATION_TIMESTAMP,
        labels: { ...profile.labels, 'kubernetes.io/hostname': name },
        annotations: {
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: {
        providerID: `azure:///subscriptions/${
          arm.subscriptionId
        }/resourceGroups/${nodeResourceGroup.toLowerCase()}/providers/Microsoft.Compute/virtualMachineScaleSets/${vmss}/virtualMachines/${index}`,
        ...(taints.length > 0 ? { taints } : {}),
      },
      status: {
        capacity: resources,
        allocatable: resources,
        conditions: conditions(),
        addresses: [
          {
            type: 'InternalIP',
            address: `10.224.${poolIndex < 0 ? 0 : poolIndex}.${index + 4}`,
          },
          { type: 'Hostname', address: name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: uid.replace(/-/g, ''),
          systemUUID: uid,
          bootID: deterministicUid(`boot/${uid}`),
          kernelVersion,
          osImage,
          containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
          kubeletVersion: kubelet,
          kubeProxyVersion: kubelet,
          operatingSystem: pool.osType === 'Windows' ? 'windows' : 'linux',
          architecture: profile.labels['kubernetes.io/arch'] ?? 'amd64',
        },
      },
    } as KubernetesObject;
  });
}

/**
 * Every node of the cluster's pools, with the Node objects the fleet gives
 * (if any) taking the place of synthesised ones of the same name.
 */
export function synthesizeNodes(
  cluster: Cluster,
  arm: ArmLocation,
  osSkus: OsSkuTable,
  resourceVersion: string,
  fleetNodes: readonly KubernetesObject[] = [],
): KubernetesObject[] {
  const given = new Set(fleetNodes.map(node => node.metadata?.name));
  const synthesized = cluster.nodePools.flatMap(pool =>
    synthesizePoolNodes(cluster, pool, arm, osSkus, resourceVersion),
  );
  return [
    ...synthesized.filter(node => !given.has(node.metadata?.name)),
    ...fleetNodes,
  ];
}
