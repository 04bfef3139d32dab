/**
 * The runs of `yarn bench:api` for the platform team's questions: the
 * workloads no catalog entity maps to (`GET /v1/workloads`, JSON and CSV, as
 * the report), and the what-ifs (`POST /v1/what-if`): OS SKU moves and taint
 * additions, first each distinct request once at `--what-if-connections`
 * (first answers: nothing cached yet), then the same requests again for
 * `--what-if-duration` seconds (answers the backend has cached).
 */
import type { Args } from './args';
import { WR } from './backstage';
import type { LoadResult } from './load';
import type { RunOptions } from './measure';
import type { WhatIfPlan } from './whatIf';

type Measure = (label: string, options: RunOptions) => Promise<LoadResult>;

/** Answers kept by the backend's what-if cache (VersionedAnswers' default size). */
const BACKEND_WHAT_IF_CACHE = 64;

export async function measureWorkloads(measure: Measure, args: Args) {
  if (!args.fleet.unownedWorkloads) return;
  for (const [name, path, label] of [
    ['workloads-json', `${WR}/v1/workloads`, 'JSON'],
    ['workloads-csv', `${WR}/v1/workloads?format=csv`, 'CSV'],
  ]) {
    await measure(`workloads without an entity, ${label}`, {
      name,
      requests: [{ method: 'GET', path }],
      connections: args.reportConnections,
      durationS: args.reportDurationS,
    });
  }
}

export async function measureWhatIfs(
  measure: Measure,
  args: Args,
  plan: WhatIfPlan,
) {
  for (const [kind, requests] of [
    ['os-sku', plan.osSku],
    ['taint', plan.taint],
  ] as const) {
    if (requests.length === 0) continue;
    const label = kind === 'os-sku' ? 'OS SKU what-ifs' : 'taint what-ifs';
    await measure(`${label}, each asked once (first answers)`, {
      name: `what-if-${kind}-first`,
      requests,
      connections: args.whatIfConnections,
      durationS: args.whatIfDurationS,
      amount: requests.length,
    });
    // The latest answers, which the backend still holds.
    await measure(`${label}, asked again (cached answers)`, {
      name: `what-if-${kind}-cached`,
      requests: requests.slice(-BACKEND_WHAT_IF_CACHE / 2),
      connections: args.whatIfConnections,
      durationS: args.whatIfDurationS,
    });
  }
}
