/**
 * The frontend's JSON fixtures are what this backend answers for the demo
 * fleet (collected from the simulator, judged by the real evaluator), not
 * pasted output: this test asks each route and compares. With
 * `UPDATE_FIXTURES=1` it writes them instead. Timestamps are pinned to the
 * fixtures' own instants, which the frontend's tests count from.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { get, post, useDemoBackend } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const FRONTEND = resolve(
  __dirname,
  '../../../windows-readiness/src/components',
);
const ctx = useDemoBackend();

/** The instants the frontend's tests count "collected … ago" from, and the replica's name. */
const PINNED: Record<string, string> = {
  collectedBy: 'backstage-0/1/demo',
  evaluatedAt: '2026-11-27T10:48:56.576Z',
  asOf: '2026-11-27T10:48:56.576Z',
  collectedAt: '2026-11-27T10:45:12.000Z',
  attemptedAt: '2026-11-27T10:45:12.000Z',
};

function pinTimestamps(value: unknown): unknown {
  // The simulator's registry listens on a free loopback port of each run.
  if (typeof value === 'string') {
    return value.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:5000');
  }
  if (Array.isArray(value)) return value.map(pinTimestamps);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      typeof inner === 'string' && PINNED[key]
        ? PINNED[key]
        : pinTimestamps(inner),
    ]),
  );
}

const entity = (name: string) => () =>
  get(ctx.server, `/v1/entities/default/component/${name}`);
const whatIf = (cluster: string, pool: string, osSku: string) => () =>
  post(ctx.server, '/v1/what-if', { cluster, pool, osSku });
const clusters = () => get(ctx.server, '/v1/clusters');

const FIXTURES: Array<[string, () => ReturnType<typeof get>]> = [
  ['common/__fixtures__/entity-blocked.json', entity('print-spooler')],
  ['common/__fixtures__/entity-at-risk.json', entity('orders')],
  ['common/__fixtures__/entity-unknown.json', entity('billing-api')],
  ['common/__fixtures__/entity-ready.json', entity('search-indexer')],
  ['common/__fixtures__/entity-not-applicable.json', entity('storefront')],
  [
    'EntityWindowsReadinessContent/__fixtures__/entity-fax-gateway.json',
    entity('fax-gateway'),
  ],
  [
    'EntityWindowsReadinessContent/__fixtures__/entity-reports-job.json',
    entity('reports-job'),
  ],
  ['EntityWindowsReadinessContent/__fixtures__/clusters.json', clusters],
  [
    'EntityWindowsReadinessContent/__fixtures__/whatif-npwin-windows2022.json',
    whatIf('aks-weu-legacy', 'npwin', 'Windows2022'),
  ],
  [
    'EntityWindowsReadinessContent/__fixtures__/whatif-npw22-windows2025.json',
    whatIf('aks-neu-modern', 'npw22', 'Windows2025'),
  ],
  [
    'EntityWindowsReadinessContent/__fixtures__/whatif-npw25-windows2022.json',
    whatIf('aks-neu-modern', 'npw25', 'Windows2022'),
  ],
  ['NodePoolsView/__fixtures__/clusters.json', clusters],
  [
    'NodePoolsView/__fixtures__/whatif-npwin-windows2022.json',
    whatIf('aks-weu-legacy', 'npwin', 'Windows2022'),
  ],
  [
    'NodePoolsView/__fixtures__/whatif-npw22-windows2025.json',
    whatIf('aks-neu-modern', 'npw22', 'Windows2025'),
  ],
  [
    'ReadinessReportPage/__fixtures__/report.json',
    () => get(ctx.server, '/v1/report'),
  ],
  [
    'ReportTrendChart/__fixtures__/history-all.json',
    () => get(ctx.server, '/v1/history?dimension=all'),
  ],
];

describe("the frontend's fixtures", () => {
  it.each(FIXTURES)('%s is what the route answers', async (file, ask) => {
    const res = await ask();
    expect(res.status).toBe(200);
    const answer = pinTimestamps(res.body);
    const path = join(FRONTEND, file);
    if (process.env.UPDATE_FIXTURES) {
      writeFileSync(path, `${JSON.stringify(answer, null, 2)}\n`);
    }
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(answer);
  });
});
