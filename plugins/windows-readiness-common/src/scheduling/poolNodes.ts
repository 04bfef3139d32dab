import type { KubernetesObject } from '../model';
import { formatTaint, parseTaint, type Taint } from './taints';

/**
 * What a pool's Node objects say about it, when collection read them (live)
 * or the fleet file lists them (`kind: Node`, as the API returns them).
 */

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

function poolLabelOf(node: KubernetesObject): string | undefined {
  const labels = node.metadata?.labels ?? {};
  return labels['kubernetes.azure.com/agentpool'] ?? labels.agentpool;
}

/**
 * Node objects of this pool: by the AKS pool label, or, for a node that has
 * none, by its AKS name.
 */
export function nodesOfPool(
  objects: readonly KubernetesObject[],
  poolName: string,
): KubernetesObject[] {
  return objects.filter(object => {
    if (object?.kind !== 'Node') return false;
    const label = poolLabelOf(object);
    if (label !== undefined) return label === poolName;
    const name = object.metadata?.name;
    return !!name && poolOfNodeName(name, [poolName]) === poolName;
  });
}

interface NodeTaint {
  key?: unknown;
  value?: unknown;
  effect?: unknown;
}

/** A Node's `spec.taints` (`{key, value, effect}`), well-formed ones only. */
export function nodeTaints(node: KubernetesObject): Taint[] {
  const taints: NodeTaint[] = Array.isArray(node.spec?.taints)
    ? node.spec.taints
    : [];
  return taints
    .filter(t => t && typeof t.key === 'string' && typeof t.effect === 'string')
    .map(t =>
      parseTaint(
        `${t.key}${
          typeof t.value === 'string' && t.value ? `=${t.value}` : ''
        }:${t.effect}`,
      ),
    )
    .filter((taint): taint is Taint => taint !== undefined);
}

/** Taints from several sources, each once. */
export function unionOfTaints(...lists: ReadonlyArray<readonly Taint[]>) {
  const byText = new Map<string, Taint>();
  for (const taint of lists.flat()) byText.set(formatTaint(taint), taint);
  return [...byText.values()];
}

// Per-node labels say nothing about the pool.
const PER_NODE_LABELS = new Set(['kubernetes.io/hostname']);

/** The labels of a pool's nodes; where nodes differ, the first node's value. */
export function labelsOfNodes(
  nodes: readonly KubernetesObject[],
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
      if (PER_NODE_LABELS.has(key) || key in labels) continue;
      if (typeof value === 'string') labels[key] = value;
    }
  }
  return labels;
}

/** The first value of a label on the pool's nodes. */
export function nodeLabel(
  nodes: readonly KubernetesObject[],
  key: string,
): string | undefined {
  for (const node of nodes) {
    const value = node.metadata?.labels?.[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}
