import {
  emptyStatusCounts,
  type StatusCounts,
} from '@winready/plugin-windows-readiness-common';
import type { HistoryRow, ServiceDay } from '../store';

/**
 * What the day adds to the history: the counts over every service (all, by
 * owner, by cluster) for callers who read everything, and each service's day,
 * from which the counts over the services a caller may read are computed;
 * and per cluster the workloads no entity maps to.
 */
export function historyOfDay(
  days: readonly ServiceDay[],
  owners: Readonly<Record<string, string | undefined>>,
  unowned: ReadonlyMap<string, StatusCounts> = new Map(),
): { rows: HistoryRow[]; services: ServiceDay[] } {
  const all = emptyStatusCounts();
  const byOwner = new Map<string, StatusCounts>();
  const byCluster = new Map<string, StatusCounts>();
  const services = days.map(day => {
    const owner = owners[day.service];
    all[day.status]++;
    if (owner) {
      const counts = byOwner.get(owner) ?? emptyStatusCounts();
      counts[day.status]++;
      byOwner.set(owner, counts);
    }
    for (const cluster of day.clusters) {
      const counts = byCluster.get(cluster.name) ?? emptyStatusCounts();
      counts[cluster.status]++;
      byCluster.set(cluster.name, counts);
    }
    return owner ? { ...day, owner } : day;
  });
  const rows = (
    dimension: 'owner' | 'cluster' | 'unowned',
    counts: Map<string, StatusCounts>,
  ): HistoryRow[] =>
    [...counts.entries()].map(([key, value]) => ({
      dimension,
      key,
      counts: value,
    }));
  return {
    rows: [
      { dimension: 'all', key: '*', counts: all },
      ...rows('owner', byOwner),
      ...rows('cluster', byCluster),
      // Workloads no entity maps to, per cluster: cluster data, not services.
      ...rows('unowned', new Map(unowned)),
    ],
    services,
  };
}
