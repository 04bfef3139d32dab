import {
  DEFAULT_OS_SKUS,
  isBlockingTaint,
  parseTaint,
  type ClustersResponse,
  type PoolSummary,
} from '@winready/plugin-windows-readiness-common';

export type ClusterItem = ClustersResponse['items'][number];

/** A Windows pool without a NoSchedule/NoExecute taint (windows-pool-taint). */
export function isUntaintedWindowsPool(pool: PoolSummary): boolean {
  if (pool.osType !== 'Windows') return false;
  return !pool.taints.some(text => {
    const taint = parseTaint(text);
    return taint ? isBlockingTaint(taint) : false;
  });
}

/**
 * OS SKUs a Windows pool could move to, successor first: the built-in Windows
 * SKUs and the successors the backend's table names (config may add some).
 */
export function whatIfTargets(
  pool: PoolSummary,
  clusters: readonly ClusterItem[],
): string[] {
  const skus = new Set(
    DEFAULT_OS_SKUS.filter(sku => sku.osType === 'Windows').map(
      sku => sku.osSku,
    ),
  );
  for (const cluster of clusters) {
    for (const other of cluster.pools) {
      if (other.successorOsSku) skus.add(other.successorOsSku);
    }
  }
  skus.delete(pool.osSku ?? '');
  const targets = [...skus];
  const successor = pool.successorOsSku;
  return successor && skus.has(successor)
    ? [successor, ...targets.filter(sku => sku !== successor)]
    : targets;
}
