import {
  emptyStatusCounts,
  SERVICE_STATUSES,
  type HistoryResponse,
  type StatusCounts,
} from '@winready/plugin-windows-readiness-common';

export type TrendPoint = StatusCounts & { day: string };

/** Daily counts per status, oldest first; keys of one day are summed. */
export function trendPoints(history: HistoryResponse): TrendPoint[] {
  const byDay = new Map<string, StatusCounts>();
  for (const item of history.items) {
    const counts = byDay.get(item.day) ?? emptyStatusCounts();
    for (const status of SERVICE_STATUSES) {
      counts[status] += item.counts[status] ?? 0;
    }
    byDay.set(item.day, counts);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, counts]) => ({ day, ...counts }));
}

/** "+2" / "−1" / "±0": the change of a count over the period. */
export function signedChange(delta: number): string {
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `−${-delta}`;
  return '±0';
}
