import type { Cluster, NodePool, OsType } from '../model';
import { findOsSku, type OsSkuInfo, type OsSkuTable } from '../catalog/osSkus';
import {
  formatWindowsVersion,
  type WindowsVersion,
} from '../versions/windowsVersion';
import { parseTaint, type Taint } from './taints';
import type { Labels } from './nodeSelection';
import {
  labelsOfNodes,
  nodeTaints,
  nodesOfPool,
  unionOfTaints,
} from './poolNodes';
import {
  poolHostBuild,
  poolOsSku,
  type BuildSource,
  type OsSkuSource,
} from './poolOsSku';

export { effectiveOsSku, type BuildSource } from './poolOsSku';
export { nodesOfPool, poolOfNodeName } from './poolNodes';

/** A node pool as the scheduler and the container runtime see it. */
export interface PoolProfile {
  cluster: string;
  name: string;
  osType: OsType;
  /** The OS SKU in effect (docs/rules.md rule 5); undefined when no source tells. */
  osSku?: string;
  osSkuSource?: OsSkuSource;
  osSkuInfo?: OsSkuInfo;
  hostBuild?: WindowsVersion;
  hostBuildSource?: BuildSource;
  /** Labels of the pool's nodes: user labels plus those AKS and the kubelet set. */
  labels: Labels;
  /** ARM nodeTaints and the taints its Node objects carry. */
  taints: Taint[];
  nodeNames: string[];
  pool: NodePool;
}

// AKS ARM sizes with a "p" feature letter (D4ps_v5, E8pds_v5) are Ampere arm64.
function architectureOf(vmSize: string | undefined): string {
  return /^Standard_[A-Z]+\d+[a-z]*p[a-z]*_v\d+$/i.test(vmSize ?? '')
    ? 'arm64'
    : 'amd64';
}

function impliedLabels(
  cluster: Cluster,
  pool: NodePool,
  osType: OsType,
  osSku: string | undefined,
  hostBuild: WindowsVersion | undefined,
): Record<string, string> {
  const os = osType === 'Windows' ? 'windows' : 'linux';
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
  if (osType === 'Windows' && hostBuild) {
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

/** Everything known about one pool, from ARM and from its Node objects (rule 5). */
export function profilePool(
  cluster: Cluster,
  pool: NodePool,
  osSkus: OsSkuTable,
): PoolProfile {
  // ARM's default osType is Linux.
  const osType: OsType = pool.osType === 'Windows' ? 'Windows' : 'Linux';
  const nodes = nodesOfPool(cluster.objects ?? [], pool.name);
  const { osSku, source: osSkuSource } = poolOsSku(
    pool,
    nodes,
    cluster.kubernetesVersion,
    osSkus,
  );
  const osSkuInfo = osSku ? findOsSku(osSkus, osSku) : undefined;
  const { build, source } =
    osType === 'Windows' ? poolHostBuild(pool, nodes, osSkuInfo) : {};
  const armTaints = (pool.taints ?? [])
    .map(parseTaint)
    .filter((taint): taint is Taint => taint !== undefined);
  return {
    cluster: cluster.name,
    name: pool.name,
    osType,
    osSku,
    ...(osSkuSource ? { osSkuSource } : {}),
    osSkuInfo,
    hostBuild: build,
    hostBuildSource: source,
    labels: {
      ...impliedLabels(cluster, pool, osType, osSku, build),
      ...labelsOfNodes(nodes),
      ...(pool.labels ?? {}),
    },
    // nodeInitializationTaints count only while the nodes still carry them,
    // which is what their spec.taints say.
    taints: unionOfTaints(armTaints, ...nodes.map(nodeTaints)),
    nodeNames: nodes
      .map(node => node.metadata?.name)
      .filter((name): name is string => !!name),
    pool,
  };
}
