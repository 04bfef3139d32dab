import {
  SERVICE_STATUSES,
  type HistoryDimension,
  type HistoryResponse,
  type StatusCounts,
} from '@winready/plugin-windows-readiness-common';
import historyAll from './history-all.json';

/** The real GET /v1/history?dimension=all of the demo: one day. */
export const demoHistory = historyAll as HistoryResponse;

/** `days` days of history ending on the demo's day, blocked shrinking. */
export function generateHistory(
  days: number,
  dimension: HistoryDimension = 'all',
  key = '*',
): HistoryResponse {
  const last = demoHistory.items[0];
  const end = Date.parse(`${last.day}T00:00:00Z`);
  return {
    items: Array.from({ length: days }, (_, i) => {
      const back = days - 1 - i;
      const counts = Object.fromEntries(
        SERVICE_STATUSES.map(s => [s, last.counts[s]]),
      ) as StatusCounts;
      counts.blocked += back; // two weeks ago there were more blocked
      return {
        day: new Date(end - back * 86_400_000).toISOString().slice(0, 10),
        dimension,
        key,
        counts,
      };
    }),
  };
}
