/**
 * GET /v1/workloads and the taint what-if of POST /v1/what-if, over the demo
 * fleet collected from the simulator: aks-neu-modern runs a monitoring
 * DaemonSet, a third-party Deployment with no OS selection and an ingress
 * controller pinned to Linux, none of them mapped to a catalog entity.
 */
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { parseCsv } from '@winready/plugin-windows-readiness-common';
import { API, asUser, get, post } from '../__testUtils__/harness';
import {
  OLIVIA,
  conditionalCatalog,
  denying,
  usePermissionsBackend,
} from '../__testUtils__/permissions';

jest.setTimeout(60_000);

const ctx = usePermissionsBackend({
  windowsReadiness: {
    namespaceOwners: [
      { namespace: 'monitoring', owner: 'team-platform' },
      { namespace: 'ingress-*', owner: 'group:default/team-edge' },
    ],
  },
});

const TAINT = {
  cluster: 'aks-neu-modern',
  pool: 'npwan',
  addTaint: 'os=windows:NoSchedule',
};

describe('GET /v1/workloads', () => {
  it('lists the workloads no entity maps to, owned by namespace where configured', async () => {
    const res = await get(ctx.server, '/v1/workloads?cluster=aks-neu-modern');
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((row: any) => [row.id, row]));
    expect(byId.get('DaemonSet monitoring/datadog-agent')).toMatchObject({
      cluster: 'aks-neu-modern',
      services: [],
      owner: 'group:default/team-platform',
      ownerSource: 'namespace',
    });
    expect(
      byId.get('Deployment ingress-nginx/ingress-nginx-controller'),
    ).toMatchObject({ owner: 'group:default/team-edge' });
    expect(byId.get('Deployment external-dns/external-dns')).not.toHaveProperty(
      'owner',
    );
    expect(res.body.items.every((row: any) => row.services.length === 0)).toBe(
      true,
    );
    expect(res.body.total).toBe(res.body.items.length);
    const counted = Object.values(res.body.byStatus).reduce(
      (a: number, b: any) => a + b,
      0,
    );
    expect(counted).toBe(res.body.total);
  });

  it('filters, pages and exports CSV with formulas neutralised', async () => {
    const all = await get(ctx.server, '/v1/workloads');
    const monitoring = await get(
      ctx.server,
      '/v1/workloads?namespace=monitoring&limit=1',
    );
    expect(monitoring.body.items).toHaveLength(1);
    expect(monitoring.body.items[0].namespace).toBe('monitoring');
    const csv = await get(ctx.server, '/v1/workloads?format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(csv.text);
    expect(header.slice(0, 4)).toEqual([
      'cluster',
      'namespace',
      'kind',
      'name',
    ]);
    expect(rows).toHaveLength(all.body.total);
  });

  it.each([
    ['status=broken', "'status'"],
    ['owned=true', 'unknown query parameter(s): owned'],
    ['q=%00', "'q'"],
  ])('answers 400 for %s', async (query, named) => {
    const res = await get(ctx.server, `/v1/workloads?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(named);
  });

  it('answers 401 without credentials and 403 without windows-readiness.report.read', async () => {
    expect((await request(ctx.server).get(`${API}/v1/workloads`)).status).toBe(
      401,
    );
    ctx.policy = denying('windows-readiness.report.read');
    expect((await get(ctx.server, '/v1/workloads')).status).toBe(403);
  });
});

describe('POST /v1/what-if with a taint', () => {
  it('lists the DaemonSet that loses npwan and the unselected Deployment, not the Linux ingress controller', async () => {
    const res = await post(ctx.server, '/v1/what-if', TAINT);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      cluster: 'aks-neu-modern',
      pool: 'npwan',
      change: 'add',
      taint: 'os=windows:NoSchedule',
      alreadyApplied: false,
    });
    const byId = new Map(res.body.impacted.map((i: any) => [i.id, i]));
    expect(byId.get('DaemonSet monitoring/datadog-agent')).toMatchObject({
      placement: 'loses-pool',
      owner: 'group:default/team-platform',
      toleration: expect.stringContaining('key: os'),
    });
    // A Linux workload that stops landing on a Windows pool needs no toleration.
    expect(byId.get('Deployment external-dns/external-dns')).toMatchObject({
      placement: 'loses-pool',
      owner: null,
      toleration: null,
    });
    expect(byId.has('Deployment ingress-nginx/ingress-nginx-controller')).toBe(
      false,
    );
  });

  it('names a catalog entity only to a caller who may read it', async () => {
    const all = await post(ctx.server, '/v1/what-if', TAINT);
    const owned = all.body.impacted.filter((i: any) => i.services.length);
    ctx.policy = conditionalCatalog;
    const olivia = await post(ctx.server, '/v1/what-if', TAINT, asUser(OLIVIA));
    expect(olivia.status).toBe(200);
    for (const impact of olivia.body.impacted) {
      for (const ref of impact.services) {
        expect(ref).toMatch(/orders/); // team-orders' own services only
      }
    }
    // Unowned workloads are cluster data: still there.
    expect(
      olivia.body.impacted.some(
        (i: any) => i.id === 'DaemonSet monitoring/datadog-agent',
      ),
    ).toBe(true);
    ctx.policy = denying('catalog.entity.read');
    const none = await post(ctx.server, '/v1/what-if', TAINT);
    expect(none.body.impacted.filter((i: any) => i.services.length)).toEqual(
      [],
    );
    expect(none.body.impacted.length).toBe(
      all.body.impacted.length - owned.length,
    );
  });

  it.each([
    [{ ...TAINT, addTaint: 'os=windows' }, 'os=windows'],
    [
      { ...TAINT, addTaint: 'os=windows:NoScheduled' },
      'os=windows:NoScheduled',
    ],
    [{ ...TAINT, pool: 'nopool' }, 'nopool'],
    [{ ...TAINT, osSku: 'Windows2022' }, 'unknown body parameter(s): osSku'],
    [{ ...TAINT, removeTaint: 'os' }, 'exactly one of addTaint'],
    [{ cluster: 'aks-neu-modern', pool: 'npwan', addTaint: 7 }, "'addTaint'"],
    [{ cluster: 'aks-neu-modern', pool: 'npwan' }, "'osSku'"],
  ])('answers 400 for %j, naming it', async (body, named) => {
    const res = await post(ctx.server, '/v1/what-if', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(named);
  });
});

describe('GET /v1/clusters: workloads per pool', () => {
  const npwan = (body: any) =>
    body.items
      .find((c: any) => c.name === 'aks-neu-modern')
      .pools.find((p: any) => p.name === 'npwan').workloads;

  it('counts the workloads on, eligible for and kept off each pool', async () => {
    const res = await get(ctx.server, '/v1/clusters');
    expect(npwan(res.body)).toEqual({
      on: expect.any(Number),
      eligible: expect.any(Number),
      blocked: expect.any(Number),
    });
    expect(npwan(res.body).on).toBeGreaterThan(0);
  });

  it('counts no workload of an entity the caller may not read', async () => {
    const all = npwan((await get(ctx.server, '/v1/clusters')).body);
    ctx.policy = denying('catalog.entity.read');
    const unowned = npwan((await get(ctx.server, '/v1/clusters')).body);
    const rows = (
      await get(ctx.server, '/v1/workloads?cluster=aks-neu-modern')
    ).body.items.filter((row: any) => row.pools.runsOn.includes('npwan'));
    expect(unowned.on).toBe(rows.length);
    expect(all.on).toBeGreaterThan(unowned.on);
  });
});

describe('MCP action windows-readiness-taint-what-if', () => {
  const credentials = mockCredentials.user(OLIVIA);

  it('answers as the route, with the toleration for the workload that needs the pool', async () => {
    const { output } = await ctx.actions.invoke({
      id: 'test:windows-readiness-taint-what-if',
      input: TAINT,
      credentials,
    });
    const daemonSet = (output as any).impacted.find(
      (i: any) => i.id === 'DaemonSet monitoring/datadog-agent',
    );
    expect(daemonSet).toMatchObject({
      placement: 'loses-pool',
      toleration: expect.stringContaining('effect: NoSchedule'),
    });
  });

  it('refuses both or neither taint, and callers without report read', async () => {
    await expect(
      ctx.actions.invoke({
        id: 'test:windows-readiness-taint-what-if',
        input: { cluster: 'aks-neu-modern', pool: 'npwan' },
        credentials,
      }),
    ).rejects.toThrow(/exactly one of addTaint .* or removeTaint/);
    ctx.policy = denying('windows-readiness.report.read');
    await expect(
      ctx.actions.invoke({
        id: 'test:windows-readiness-taint-what-if',
        input: TAINT,
        credentials,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});

describe('GET /v1/history?dimension=unowned', () => {
  it('counts the unowned workloads per cluster and day, the same for every reader', async () => {
    const rows = (await get(ctx.server, '/v1/workloads?cluster=aks-neu-modern'))
      .body.items;
    const res = await get(
      ctx.server,
      '/v1/history?dimension=unowned&key=aks-neu-modern',
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const [day] = res.body.items;
    expect(day).toMatchObject({ dimension: 'unowned', key: 'aks-neu-modern' });
    for (const status of Object.keys(day.counts)) {
      expect(day.counts[status]).toBe(
        rows.filter((row: any) => row.status === status).length,
      );
    }
    ctx.policy = denying('catalog.entity.read');
    const hidden = await get(
      ctx.server,
      '/v1/history?dimension=unowned&key=aks-neu-modern',
    );
    expect(hidden.body.items).toEqual(res.body.items);
  });
});
