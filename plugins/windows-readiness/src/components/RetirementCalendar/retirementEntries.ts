import {
  daysUntil,
  type ClustersResponse,
} from '@winready/plugin-windows-readiness-common';

export interface RetirementEntry {
  /** ISO date from which AKS ships no new node images or patches. */
  date: string;
  osSku: string;
  successorOsSku?: string;
  imageDeletionDate?: string;
  /** Negative once the date has passed. */
  daysLeft: number;
  past: boolean;
  imagesDeleted: boolean;
  pools: Array<{ cluster: string; pool: string; count?: number }>;
  /** Services on those pools, sorted, each once. */
  services: string[];
}

/** Pools grouped by OS SKU retirement date, soonest (or longest past) first. */
export function retirementEntries(
  clusters: ClustersResponse['items'],
  now: Date,
): RetirementEntry[] {
  const byKey = new Map<string, RetirementEntry & { seen: Set<string> }>();
  for (const cluster of clusters) {
    for (const pool of cluster.pools) {
      if (!pool.retirementDate || !pool.osSku) continue;
      const key = `${pool.retirementDate}|${pool.osSku}`;
      let entry = byKey.get(key);
      if (!entry) {
        const daysLeft = daysUntil(pool.retirementDate, now);
        const deletion = pool.imageDeletionDate;
        entry = {
          date: pool.retirementDate,
          osSku: pool.osSku,
          successorOsSku: pool.successorOsSku,
          imageDeletionDate: deletion,
          daysLeft,
          past: daysLeft < 0,
          imagesDeleted: !!deletion && daysUntil(deletion, now) <= 0,
          pools: [],
          services: [],
          seen: new Set(),
        };
        byKey.set(key, entry);
      }
      entry.pools.push({
        cluster: cluster.name,
        pool: pool.name,
        count: pool.count,
      });
      pool.services.forEach(service => entry!.seen.add(service));
    }
  }
  return [...byKey.values()]
    .map(({ seen, ...entry }) => ({ ...entry, services: [...seen].sort() }))
    .sort(
      (a, b) => a.date.localeCompare(b.date) || a.osSku.localeCompare(b.osSku),
    );
}

/** "in 108 days", "today", "270 days ago". */
export function daysLeftText(days: number): string {
  if (Number.isNaN(days)) return 'unknown';
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}
