/**
 * Abuse: every answer holds only what the caller may read (README,
 * Backend API). A policy hides one entity; route by route and action by
 * action, its ref appears nowhere in the body and every count is the count
 * without it: the same answer taken by a caller who reads everything, less
 * exactly the hidden service's own contribution.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  SERVICE_STATUSES,
  parseCsv,
  statusInCluster,
  type ServiceResult,
  type StatusCounts,
} from '@winready/plugin-windows-readiness-common';
import { asUser, get, post } from '../__testUtils__/harness';
import {
  allow,
  deny,
  denying,
  hiding,
  usePermissionsBackend,
} from '../__testUtils__/permissions';

jest.setTimeout(60_000);

const ctx = usePermissionsBackend();
// orders is at-risk on aks-weu-legacy/npwin and gets worse in the what-if:
// it shows in every answer of a caller who reads everything.
const HIDDEN = 'component:default/orders';
const OWNER = 'group:default/team-orders';
const MALLORY = 'user:default/mallory';
/** The hidden ref as a whole word: orders-legacy is another entity. */
const names = (text: string) =>
  new RegExp(`${HIDDEN.replace(/[/.]/g, '\\$&')}(?![-\\w.])`).test(text);
const WHAT_IF = {
  cluster: 'aks-weu-legacy',
  pool: 'npwin',
  osSku: 'Windows2022',
};

type Call = () => Promise<{ status: number; text: string; body: any }>;
const ROUTES: Record<string, Call> = {
  report: () => get(ctx.server, '/v1/report', asUser(MALLORY)),
  'report csv': () => get(ctx.server, '/v1/report?format=csv', asUser(MALLORY)),
  'history all': () =>
    get(ctx.server, '/v1/history?dimension=all', asUser(MALLORY)),
  'history owner': () =>
    get(ctx.server, '/v1/history?dimension=owner', asUser(MALLORY)),
  'history cluster': () =>
    get(ctx.server, '/v1/history?dimension=cluster', asUser(MALLORY)),
  'history service': () =>
    get(ctx.server, '/v1/history?dimension=service', asUser(MALLORY)),
  'history service by key': () =>
    get(
      ctx.server,
      `/v1/history?dimension=service&key=${encodeURIComponent(HIDDEN)}`,
      asUser(MALLORY),
    ),
  clusters: () => get(ctx.server, '/v1/clusters', asUser(MALLORY)),
  facts: () => get(ctx.server, '/v1/facts', asUser(MALLORY)),
  'os-skus': () => get(ctx.server, '/v1/os-skus', asUser(MALLORY)),
  'os-skus of a cluster': () =>
    get(ctx.server, '/v1/os-skus?cluster=aks-weu-legacy', asUser(MALLORY)),
  'what-if': () => post(ctx.server, '/v1/what-if', WHAT_IF, asUser(MALLORY)),
  status: () => get(ctx.server, '/v1/status', asUser(MALLORY)),
  'another entity': () =>
    get(
      ctx.server,
      '/v1/entities/default/component/orders-legacy',
      asUser(MALLORY),
    ),
};

/** Every route's answer for a caller who reads everything, then for Mallory. */
async function answers(view: (name: string) => Call) {
  const out: Record<string, { status: number; text: string; body: any }> = {};
  for (const name of Object.keys(ROUTES)) out[name] = await view(name)();
  return out;
}

function minus(counts: StatusCounts, status: string): StatusCounts {
  return { ...counts, [status]: counts[status as keyof StatusCounts] - 1 };
}

describe('a policy that hides one entity', () => {
  let full: Awaited<ReturnType<typeof answers>>;
  let hidden: Awaited<ReturnType<typeof answers>>;
  let result: ServiceResult;

  beforeAll(async () => {
    ctx.policy = allow;
    full = await answers(name => ROUTES[name]);
    result = (
      await get(
        ctx.server,
        `/v1/entities/default/component/orders`,
        asUser(MALLORY),
      )
    ).body.result;
    ctx.policy = hiding(HIDDEN);
    hidden = await answers(name => ROUTES[name]);
  });

  beforeEach(() => {
    ctx.policy = hiding(HIDDEN);
  });

  it('is seen by a caller who reads everything (the test can fail)', () => {
    expect(result.status).toBe('at-risk');
    for (const name of [
      'report',
      'report csv',
      'history service',
      'history service by key',
      'clusters',
      'facts',
      'os-skus',
      'what-if',
    ]) {
      expect([name, names(full[name].text)]).toEqual([name, true]);
    }
  });

  it.each(Object.keys(ROUTES))(
    '%s: answers 200 without the hidden ref anywhere',
    name => {
      expect(hidden[name].status).toBe(200);
      expect(names(hidden[name].text)).toBe(false);
    },
  );

  it('GET /v1/entities of the hidden entity is a 403 that does not echo its result', async () => {
    const res = await get(
      ctx.server,
      '/v1/entities/default/component/orders',
      asUser(MALLORY),
    );
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('at-risk');
  });

  it('the report counts the others only, in JSON and CSV', () => {
    const summary = hidden.report.body.summary;
    const all = full.report.body.summary;
    expect(hidden.report.body.total).toBe(full.report.body.total - 1);
    expect(summary.total).toBe(all.total - 1);
    expect(summary.byStatus).toEqual(minus(all.byStatus, result.status));
    expect(summary.byOwner[OWNER]).toEqual(
      minus(all.byOwner[OWNER], result.status),
    );
    for (const cluster of result.clusters) {
      expect(summary.byCluster[cluster]).toEqual(
        minus(all.byCluster[cluster], statusInCluster(result, cluster)),
      );
    }
    for (const check of result.checks) {
      expect(summary.byCheck[check.id][check.result]).toBe(
        all.byCheck[check.id][check.result] - 1,
      );
    }
    const rows = parseCsv(hidden['report csv'].text);
    expect(rows.length).toBe(parseCsv(full['report csv'].text).length - 1);
  });

  it('history: all, owner and cluster counts leave the hidden service out, day by day', () => {
    const byKey = (res: any) =>
      Object.fromEntries(
        res.body.items.map((i: any) => [`${i.day} ${i.key}`, i.counts]),
      );
    const expectMinus = (
      dimension: string,
      key: string,
      status: string,
    ): void => {
      const before = byKey(full[`history ${dimension}`]);
      const after = byKey(hidden[`history ${dimension}`]);
      const days = Object.keys(before).filter(k => k.endsWith(` ${key}`));
      expect(days.length).toBeGreaterThan(0);
      for (const day of days) {
        expect([day, after[day]]).toEqual([day, minus(before[day], status)]);
      }
    };
    expectMinus('all', '*', result.status);
    expectMinus('owner', OWNER, result.status);
    for (const cluster of result.clusters) {
      expectMinus('cluster', cluster, statusInCluster(result, cluster));
    }
    expect(hidden['history service by key'].body.items).toEqual([]);
    expect(hidden['history service'].body.items.length).toBe(
      full['history service'].body.items.length - 1,
    );
  });

  it("clusters: the pools' services are the readable ones", () => {
    const pools = (res: any) =>
      res.body.items.flatMap((c: any) =>
        c.pools.map((p: any) => [`${c.name}/${p.name}`, p.services]),
      );
    expect(pools(hidden.clusters)).toEqual(
      pools(full.clusters).map(([pool, services]: [string, string[]]) => [
        pool,
        services.filter(s => s !== HIDDEN),
      ]),
    );
  });

  it('os-skus: each SKU counts the hidden service no more', () => {
    for (const name of ['os-skus', 'os-skus of a cluster']) {
      for (const [index, sku] of (full[name].body.items as any[]).entries()) {
        const after = hidden[name].body.items[index];
        const drop = Object.fromEntries(
          ['fit', 'noFit', 'unknown'].map(k => [
            k,
            sku.services[k] - after.services[k],
          ]),
        );
        // orders is a Windows service: every Windows SKU counted it once.
        expect([sku.osSku, drop.fit + drop.noFit + drop.unknown]).toEqual([
          sku.osSku,
          1,
        ]);
        expect(after.services.total).toBe(sku.services.total - 1);
        expect(after.notFitting).toEqual(
          sku.notFitting.filter((s: string) => s !== HIDDEN),
        );
      }
    }
  });

  it('facts: the other entities, each unchanged', () => {
    expect(hidden.facts.body.items).toEqual(
      full.facts.body.items.filter((i: any) => i.entityRef !== HIDDEN),
    );
  });

  it('what-if lists the other impacted services only', () => {
    expect(hidden['what-if'].body.impacted).toEqual(
      full['what-if'].body.impacted.filter((i: any) => i.id !== HIDDEN),
    );
  });

  it('status counts the readable services', () => {
    expect(hidden.status.body.lastRefresh.services).toBe(
      full.status.body.lastRefresh.services - 1,
    );
  });

  it('the MCP actions answer the same way', async () => {
    const credentials = mockCredentials.user(MALLORY);
    await expect(
      ctx.actions.invoke({
        id: 'test:get-entity-windows-readiness',
        input: { entityRef: HIDDEN },
        credentials,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    const other = await ctx.actions.invoke({
      id: 'test:get-entity-windows-readiness',
      input: { entityRef: 'component:default/orders-legacy' },
      credentials,
    });
    expect(names(JSON.stringify(other))).toBe(false);
    const whatIf = await ctx.actions.invoke({
      id: 'test:windows-readiness-what-if',
      input: WHAT_IF,
      credentials,
    });
    expect(names(JSON.stringify(whatIf))).toBe(false);
    const listed = await ctx.actions.invoke({
      id: 'test:list-windows-readiness-services',
      input: {},
      credentials,
    });
    expect(names(JSON.stringify(listed))).toBe(false);
    expect((listed.output as any).total).toBe(full.facts.body.items.length - 1);
    ctx.policy = allow;
    const everything = await ctx.actions.invoke({
      id: 'test:windows-readiness-what-if',
      input: WHAT_IF,
      credentials,
    });
    expect(names(JSON.stringify(everything))).toBe(true);
  });
});

describe('catalog read denied outright', () => {
  beforeEach(() => {
    ctx.policy = denying('catalog.entity.read');
  });

  it('every count is zero and no service is named', async () => {
    const totals = (counts: StatusCounts) =>
      SERVICE_STATUSES.reduce((n, s) => n + counts[s], 0);
    for (const dimension of ['all', 'owner', 'cluster', 'service']) {
      const res = await get(ctx.server, `/v1/history?dimension=${dimension}`);
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((i: any) => totals(i.counts)).filter(Boolean),
      ).toEqual([]);
    }
    const clusters = await get(ctx.server, '/v1/clusters');
    expect(
      clusters.body.items.flatMap((c: any) =>
        c.pools.flatMap((p: any) => p.services),
      ),
    ).toEqual([]);
    const skus = await get(ctx.server, '/v1/os-skus');
    expect(skus.body.items.map((i: any) => i.services.total)).toEqual(
      skus.body.items.map(() => 0),
    );
    const status = await get(ctx.server, '/v1/status');
    expect(status.body.lastRefresh.services).toBe(0);
    expect(JSON.stringify(status.body)).not.toContain('component:');
    const facts = await get(ctx.server, '/v1/facts');
    expect([facts.status, facts.body.items]).toEqual([200, []]);
  });

  it('and with every permission denied, nothing is answered at all', async () => {
    ctx.policy = deny;
    for (const path of [
      '/v1/history',
      '/v1/clusters',
      '/v1/facts',
      '/v1/status',
    ]) {
      expect((await get(ctx.server, path)).status).toBe(403);
    }
  });
});
