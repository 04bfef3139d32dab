/**
 * A failing source never wipes the last good data: faults injected into the
 * AKS simulator between refreshes of a test backend, seen through the API.
 */
import {
  get,
  refreshAndWait,
  startReadinessBackend,
  startSimulatorFixture,
  type SimulatorFixture,
  type TestBackend,
  type TestServer,
} from '../__testUtils__/harness';

jest.setTimeout(60_000);

const DEMO_COUNTS = {
  blocked: 5,
  'at-risk': 7,
  unknown: 2,
  ready: 3,
  'not-applicable': 3,
};
const MODERN = 'aks-neu-modern';

let fx: SimulatorFixture;
let backend: TestBackend;
let server: TestServer;
let good: any;

async function start() {
  fx = await startSimulatorFixture();
  backend = await startReadinessBackend({ sources: fx.sourcesConfig() });
  server = backend.server;
}

afterEach(async () => {
  await backend?.stop();
  await fx?.stop();
});

/** Every service's status and checks, as the report and entity routes say. */
async function results() {
  const report = (await get(server, '/v1/report')).body;
  const out: Record<string, { status: string; checks: unknown }> = {};
  for (const row of report.items) {
    const [, namespace, name] = /^component:(\w+)\/(.+)$/.exec(row.entityRef)!;
    const entity = await get(
      server,
      `/v1/entities/${namespace}/component/${name}`,
    );
    out[row.entityRef] = {
      status: row.status,
      checks: entity.body.result.checks.map((c: any) => [
        c.id,
        c.result,
        c.message,
      ]),
    };
  }
  return { counts: report.summary.byStatus, services: out };
}
const clusters = async () =>
  Object.fromEntries(
    (await get(server, '/v1/clusters')).body.items.map((c: any) => [c.name, c]),
  );

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 5));
  }
}

describe('after a good refresh', () => {
  beforeEach(async () => {
    await start();
    good = await refreshAndWait(server);
  });

  it("keeps an unreachable cluster's results, marks it stale with its error, and the others fresh", async () => {
    const before = await results();
    expect(before.counts).toEqual(DEMO_COUNTS);
    fx.sim.setFault(`kubernetes:${MODERN}`, { status: 500 });
    const status = await refreshAndWait(server);
    const started = status.lastRefresh.startedAt;
    expect(status.lastRefresh.unreachableClusters).toEqual([MODERN]);
    expect(status.staleClusters).toEqual([MODERN]);

    const byName = await clusters();
    // Each cluster is read and stored on its own, at its own time.
    expect(byName[MODERN].attemptedAt >= started).toBe(true);
    expect(byName[MODERN].collectedAt < started).toBe(true);
    expect(byName[MODERN].collectedAt >= good.lastRefresh.startedAt).toBe(true);
    expect(byName[MODERN]).toMatchObject({
      stale: true,
      errors: [
        { source: 'kubernetes', errorType: 'SYSTEM_ERROR', statusCode: 500 },
      ],
    });
    expect(byName[MODERN].errors[0].message).toContain('injected fault: 500');
    expect(byName[MODERN].pools.map((p: any) => p.name)).toContain('npw22');
    for (const name of ['aks-weu-legacy', 'aks-eus-linux']) {
      expect(byName[name]).toMatchObject({ stale: false, errors: [] });
      expect(byName[name].collectedAt >= started).toBe(true);
    }
    expect(await results()).toEqual(before);
    const payments = await get(
      server,
      '/v1/entities/default/component/payments',
    );
    expect(payments.body.clusterStates).toEqual([
      expect.objectContaining({ name: MODERN, stale: true }),
    ]);

    fx.sim.setFault(`kubernetes:${MODERN}`, undefined);
    expect((await refreshAndWait(server)).staleClusters).toEqual([]);
  });

  it('keeps the objects of the kinds a reachable cluster failed to list', async () => {
    const before = await results();
    const nodeLists = () => fx.sim.requestCounts()['kubernetes.nodes.list'];
    const listed = nodeLists();
    // Nodes answer (slowly, so that the fault can change); every list after fails.
    fx.sim.setFault(`kubernetes:${MODERN}`, { latencyMs: 500, count: 1 });
    const refreshed = refreshAndWait(server);
    // Every cluster's nodes listed, the faulted one's included.
    await until(() => nodeLists() >= listed + fx.fleet.clusters.length);
    fx.sim.setFault(`kubernetes:${MODERN}`, { status: 500 });
    const status = await refreshed;
    fx.sim.setFault(`kubernetes:${MODERN}`, undefined);

    expect(status.lastRefresh.unreachableClusters).toEqual([]);
    const errors = (await clusters())[MODERN].errors;
    expect(errors.map((e: any) => e.resourcePath)).toEqual(
      expect.arrayContaining(['apps/v1/Deployment', 'v1/Pod', 'batch/v1/Job']),
    );
    expect(await results()).toEqual(before);
  });

  it('keeps the good image records while the registry is down', async () => {
    const before = await results();
    fx.sim.setFault('registry', { status: 500 });
    const status = await refreshAndWait(server);
    expect(status.lastRefresh.imageErrors).toBeGreaterThanOrEqual(10);
    expect(status.lastRefresh.services).toBe(20);
    const after = await results();
    expect(after).toEqual(before);
    expect(after.counts.unknown).toBe(DEMO_COUNTS.unknown);
  });

  it('records a malformed ARM answer and loses no stored cluster', async () => {
    const before = await results();
    const storedBefore = await clusters();
    fx.sim.setFault('arm', { malformed: true });
    const status = await refreshAndWait(server);
    expect(status.lastRefresh).toMatchObject({ clusters: 0, errors: 4 });
    expect(status.lastRefresh.sourceErrors).toEqual(
      ['rg-batch', 'rg-legacy', 'rg-modern', 'rg-aks-eus-linux'].map(group =>
        expect.objectContaining({
          source: 'aks',
          errorType: 'MALFORMED_RESPONSE',
          resourcePath: expect.stringContaining(`/resourceGroups/${group}/`),
          message: expect.stringContaining('SyntaxError'),
        }),
      ),
    );
    // Nothing is removed; what the listing could not find was not read: stale.
    expect(status.clusters).toBe(4);
    expect(status.staleClusters.sort()).toEqual(
      Object.keys(storedBefore).sort(),
    );
    const storedAfter = await clusters();
    for (const [name, cluster] of Object.entries(storedBefore)) {
      expect(storedAfter[name]).toMatchObject({
        pools: (cluster as any).pools,
        collectedAt: (cluster as any).collectedAt,
        stale: true,
      });
    }
    expect(await results()).toEqual(before);

    fx.sim.setFault('arm', undefined);
    const recovered = await refreshAndWait(server);
    expect(recovered.staleClusters).toEqual([]);
    expect(recovered.lastRefresh.sourceErrors).toEqual([]);
  });
});

it('says unknown for images the registry never described, until it answers again', async () => {
  await start();
  fx.sim.setFault('registry', { status: 500 });
  const down = await refreshAndWait(server);
  expect(down.lastRefresh.imageErrors).toBeGreaterThanOrEqual(10);
  const { counts } = await results();
  expect(counts.unknown).toBeGreaterThan(DEMO_COUNTS.unknown);

  // Each refresh asks the registry again: failures are not remembered.
  fx.sim.setFault('registry', undefined);
  fx.sim.resetRequestCounts();
  const up = await refreshAndWait(server);
  expect(fx.sim.requestCounts()['registry.manifests']).toBeGreaterThan(0);
  // ledger's image is not in the registry, billing-api's is refused.
  expect(up.lastRefresh.imageErrors).toBe(2);
  expect((await results()).counts).toEqual(DEMO_COUNTS);
});
