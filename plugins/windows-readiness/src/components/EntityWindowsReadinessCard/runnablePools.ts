import type { ServiceResult } from '@winready/plugin-windows-readiness-common';

/** Per cluster, the pools the service can run on: eligible and compatible. */
export function runnablePools(
  result: ServiceResult,
): Array<{ cluster: string; pools: string[] }> {
  const byCluster = new Map<string, Set<string>>();
  for (const workload of result.workloads) {
    const pools = byCluster.get(workload.cluster) ?? new Set<string>();
    const eligible = new Set(workload.pools.eligible);
    for (const pool of workload.pools.compatible) {
      if (eligible.has(pool)) pools.add(pool);
    }
    byCluster.set(workload.cluster, pools);
  }
  return [...byCluster.entries()].map(([cluster, pools]) => ({
    cluster,
    pools: [...pools].sort(),
  }));
}
