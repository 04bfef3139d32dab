/**
 * The readiness API on a test backend whose real sources read the demo fleet
 * from the AKS simulator, with the demo catalog (the report: router.report.test.ts).
 */
import request from 'supertest';
import {
  API,
  get,
  post,
  refreshAndWait,
  useDemoBackend,
} from '../__testUtils__/harness';

jest.setTimeout(60_000);

const ref = (name: string) => `component:default/${name}`;
const ctx = useDemoBackend();

describe('GET /v1/entities/:namespace/:kind/:name', () => {
  it('says orders-legacy is blocked, with the failing checks, their evidence and the fix', async () => {
    const res = await get(
      ctx.server,
      '/v1/entities/default/component/orders-legacy',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ref('orders-legacy'),
      status: 'blocked',
      clusters: ['aks-weu-legacy'],
      clusterStates: [{ name: 'aks-weu-legacy', stale: false, errors: [] }],
    });
    const checks = res.body.result.checks;
    const failing = checks.filter((c: any) => c.result === 'fail');
    expect(failing.map((c: any) => c.id)).toEqual([
      'image-os-build',
      'pod-status',
    ]);
    expect(failing[0]).toMatchObject({
      message: expect.stringContaining('orders/api:1.4.2-1803'),
      evidence: [
        {
          cluster: 'aks-weu-legacy',
          pool: 'npwin',
          image: 'winreadydemo.azurecr.io/orders/api:1.4.2-1803',
          imageBuilds: ['10.0.17134.1305'],
          poolBuild: '10.0.17763.6532',
        },
      ],
      remediation: {
        snippet: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019',
      },
    });
    expect(failing[1].evidence[0].detail).toContain(
      'The container operating system does not match the host operating system',
    );
    expect(res.body.clusterStates[0].collectedAt).toEqual(expect.any(String));
  });

  it('answers 404 for an entity without results, known to the catalog or not', async () => {
    for (const path of ['component/no-such-service', 'system/orders']) {
      const res = await get(ctx.server, `/v1/entities/default/${path}`);
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
    }
  });

  it.each([
    ['default/component/bad%20name', 'name'],
    ['default/-component/orders', 'kind'],
    ['%24ns/component/orders', 'namespace'],
  ])('answers 400 for %s, naming the %s', async (path, part) => {
    const res = await get(ctx.server, `/v1/entities/${path}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(`'${part}'`),
    });
  });
});

describe('GET /v1/history', () => {
  it("keeps today's counts, overall, by owner, by service and by cluster", async () => {
    const report = (await get(ctx.server, '/v1/report')).body;
    const all = await get(ctx.server, '/v1/history');
    expect(all.status).toBe(200);
    expect(all.body.items).toEqual([
      {
        day: report.asOf.slice(0, 10),
        dimension: 'all',
        key: '*',
        counts: report.summary.byStatus,
      },
    ]);
    const owner = await get(
      ctx.server,
      '/v1/history?dimension=owner&key=group:default/team-orders',
    );
    expect(owner.body.items.map((i: any) => i.counts)).toEqual([
      { blocked: 1, 'at-risk': 1, unknown: 0, ready: 0, 'not-applicable': 0 },
    ]);
    const service = await get(
      ctx.server,
      `/v1/history?dimension=service&key=${ref('orders-legacy')}`,
    );
    expect(service.body.items).toEqual([
      expect.objectContaining({
        counts: expect.objectContaining({ blocked: 1 }),
      }),
    ]);
    const clusters = await get(ctx.server, '/v1/history?dimension=cluster');
    expect(clusters.body.items.map((i: any) => i.key)).toEqual([
      'aks-eus-linux',
      'aks-neu-modern',
      'aks-weu-batch',
      'aks-weu-legacy',
    ]);
  });

  it.each([
    ['dimension=team', "'dimension'"],
    ['from=2026-1-1', "'from'"],
    ['days=7', 'unknown query parameter(s): days'],
  ])('answers 400 for %s', async (query, named) => {
    const res = await get(ctx.server, `/v1/history?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(named);
  });
});

describe('GET /v1/clusters', () => {
  it('lists every cluster with its pools, checks and freshness', async () => {
    const res = await get(ctx.server, '/v1/clusters');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: any) => [c.name, c.stale])).toEqual([
      ['aks-eus-linux', false],
      ['aks-neu-modern', false],
      ['aks-weu-batch', false],
      ['aks-weu-legacy', false],
    ]);
    const legacy = res.body.items[3];
    expect(legacy.collectedAt).toEqual(legacy.attemptedAt);
    // Found through ARM: where it lives comes along, for the scaffolder.
    expect(legacy.azure).toEqual({
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      resourceGroup: 'rg-legacy',
      location: 'westeurope',
    });
    expect(legacy.errors).toEqual([]);
    expect(legacy.pools.find((p: any) => p.name === 'npwin')).toMatchObject({
      osType: 'Windows',
      osSku: 'Windows2019',
      windowsBuild: '10.0.17763.6532',
      taints: ['sku=win:NoSchedule'],
      successorOsSku: 'Windows2022',
      services: [ref('catalog-web'), ref('orders'), ref('orders-legacy')],
    });
    expect(res.body.items[1].checks).toEqual([
      expect.objectContaining({ id: 'windows-pool-taint', result: 'warn' }),
    ]);
  });
});

describe('POST /v1/what-if', () => {
  it('says orders breaks when aks-weu-legacy/npwin moves to Windows2022', async () => {
    const res = await post(ctx.server, '/v1/what-if', {
      cluster: 'aks-weu-legacy',
      pool: 'npwin',
      osSku: 'Windows2022',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fromOsSku: 'Windows2019',
      toOsSku: 'Windows2022',
    });
    expect(res.body.impacted).toEqual([
      {
        id: ref('orders'),
        before: 'at-risk',
        after: 'blocked',
        reasons: [expect.stringMatching(/^image-os-build: /)],
      },
    ]);
  });

  it.each([
    [{ cluster: 'aks-weu-legacy', pool: 'npwin' }, "'osSku'"],
    [{ cluster: 'aks-weu-legacy', pool: 'npwin', osSku: 7 }, "'osSku'"],
    [{ cluster: 'a', pool: 'b', osSku: 'Windows2022', x: 1 }, 'unknown body'],
    [
      { cluster: 'aks-nowhere', pool: 'npwin', osSku: 'Windows2022' },
      'aks-nowhere',
    ],
    [
      { cluster: 'aks-weu-legacy', pool: 'nopool', osSku: 'Windows2022' },
      'nopool',
    ],
    [
      { cluster: 'aks-weu-legacy', pool: 'npwin', osSku: 'Windows1809' },
      'Windows1809',
    ],
  ])('answers 400 for %j', async (body, named) => {
    const res = await post(ctx.server, '/v1/what-if', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(named);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await request(ctx.server)
      .post(`${API}/v1/what-if`)
      .set('Content-Type', 'application/json')
      .send('{"cluster":');
    expect(res.status).toBe(400);
  });
});

describe('POST /v1/refresh and GET /v1/status', () => {
  it('accepts a refresh with 202, and the status reports it', async () => {
    const before = (await get(ctx.server, '/v1/status')).body;
    const res = await post(ctx.server, '/v1/refresh');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'triggered' });
    const status = await refreshAndWait(ctx.server);
    expect(status.lastRefresh.startedAt > before.lastRefresh.startedAt).toBe(
      true,
    );
    expect(status).toMatchObject({
      lastRefresh: {
        clusters: 4,
        unreachableClusters: [],
        errors: 0,
        sourceErrors: [],
        // ledger's image is not in the registry and the registry refuses
        // billing-api's: unknown, not an outage.
        imageErrors: 2,
        services: 20,
      },
      clusters: 4,
      staleClusters: [],
    });
    expect(status.evaluatedAt >= status.lastRefresh.startedAt).toBe(true);
    expect(status.asOf).toBe(status.evaluatedAt);
  });
});
