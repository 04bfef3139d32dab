import type { KubernetesObject, NodePool } from '../model';
import { formatTaint } from './taints';
import { nodeTaints } from './poolNodes';

/**
 * Node pools of a cluster seen only through its Node objects (a cluster that
 * is not reached through ARM): nodes are grouped by their AKS pool label, or
 * by OS and Windows build where there is none.
 */
export function poolsFromNodes(
  objects: readonly KubernetesObject[],
): NodePool[] {
  const pools = new Map<string, NodePool>();
  for (const node of objects) {
    if (node?.kind !== 'Node') continue;
    const labels: Record<string, string> = node.metadata?.labels ?? {};
    const os = labels['kubernetes.io/os'] === 'windows' ? 'Windows' : 'Linux';
    const build = labels['node.kubernetes.io/windows-build'] ?? '';
    const name =
      labels['kubernetes.azure.com/agentpool'] ??
      labels.agentpool ??
      `${os === 'Windows' ? 'win' : 'linux'}${build.replace(/\D/g, '')}`;
    const existing = pools.get(name);
    if (existing) {
      existing.count = (existing.count ?? 0) + 1;
      continue;
    }
    pools.set(name, {
      name,
      osType: os,
      osSku: labels['kubernetes.azure.com/os-sku'],
      mode:
        labels['kubernetes.azure.com/mode'] === 'system' ? 'System' : 'User',
      count: 1,
      vmSize: labels['node.kubernetes.io/instance-type'],
      nodeImageVersion: labels['kubernetes.azure.com/node-image-version'],
      kernelVersion: node.status?.nodeInfo?.kernelVersion,
      taints: nodeTaints(node).map(formatTaint),
    });
  }
  return [...pools.values()];
}
