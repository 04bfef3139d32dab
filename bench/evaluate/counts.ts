/** What an evaluation found, counted: service statuses and check results. */
import type { EvaluationResult } from '@winready/plugin-windows-readiness-common';

export interface ResultCounts {
  services: number;
  workloads: number;
  statuses: Record<string, number>;
  /** check id -> result -> count, over services. */
  checks: Record<string, Record<string, number>>;
  clusterChecks: Record<string, number>;
}

export const STATUSES = [
  'blocked',
  'at-risk',
  'unknown',
  'ready',
  'not-applicable',
];
export const RESULTS = ['fail', 'warn', 'unknown', 'pass', 'skip'];

/** A zero for each key, so that every status or result shows, in this order. */
const zeroes = (keys: string[]): Record<string, number> =>
  Object.fromEntries(keys.map(key => [key, 0]));

export function countResults(result: EvaluationResult): ResultCounts {
  const counts: ResultCounts = {
    services: result.services.length,
    workloads: 0,
    statuses: zeroes(STATUSES),
    checks: {},
    clusterChecks: zeroes(RESULTS),
  };
  for (const service of result.services) {
    counts.statuses[service.status] =
      (counts.statuses[service.status] ?? 0) + 1;
    counts.workloads += service.workloads.length;
    for (const check of service.checks) {
      const perCheck = (counts.checks[check.id] ??= zeroes(RESULTS));
      perCheck[check.result] = (perCheck[check.result] ?? 0) + 1;
    }
  }
  for (const cluster of result.clusters) {
    for (const check of cluster.checks) {
      counts.clusterChecks[check.result] =
        (counts.clusterChecks[check.result] ?? 0) + 1;
    }
  }
  return counts;
}
