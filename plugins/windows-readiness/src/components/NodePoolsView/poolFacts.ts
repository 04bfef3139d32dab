import {
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
