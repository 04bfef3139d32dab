import type {
  HistoryResponse,
  ServiceStatus,
} from '@winready/plugin-windows-readiness-common';

/** Chart levels, from best to worst (not-applicable < ready < unknown < at-risk < blocked). */
export const STATUS_LEVELS: ServiceStatus[] = [
  'not-applicable',
  'ready',
  'unknown',
  'at-risk',
  'blocked',
];

export interface HistoryPoint {
  day: string;
  status: ServiceStatus;
  level: number;
}

/** One point a day: the status whose count is 1 (a service row). */
export function historyPoints(items: HistoryResponse['items']): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const item of items) {
    const status = STATUS_LEVELS.slice()
      .reverse()
      .find(s => (item.counts[s] ?? 0) > 0);
    if (status) {
      points.push({
        day: item.day,
        status,
        level: STATUS_LEVELS.indexOf(status),
      });
    }
  }
  return points.sort((a, b) => a.day.localeCompare(b.day));
}

/** Days spent in each status, worst first, for a text summary. */
export function daysByStatus(
  points: HistoryPoint[],
): Array<{ status: ServiceStatus; days: number }> {
  return STATUS_LEVELS.slice()
    .reverse()
    .map(status => ({
      status,
      days: points.filter(p => p.status === status).length,
    }))
    .filter(entry => entry.days > 0);
}
