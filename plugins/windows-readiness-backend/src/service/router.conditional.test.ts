/**
 * Conditional catalog read: the report, what-if, per-service history, the
 * entity route and the MCP actions show only what the catalog lets the
 * caller read, and the catalog is asked with the caller's credentials.
 */
import { parseCsv } from '@winready/plugin-windows-readiness-common';
import { mockCredentials } from '@backstage/backend-test-utils';
import { asUser, get, post } from '../__testUtils__/harness';
import {
  OLIVIA,
  OSCAR,
  allow,
  conditionalCatalog,
  deny,
  usePermissionsBackend,
} from '../__testUtils__/permissions';

jest.setTimeout(60_000);

const ctx = usePermissionsBackend();
const ref = (name: string) => `component:default/${name}`;
const WHAT_IF = {
  cluster: 'aks-weu-legacy',
  pool: 'npwin',
  osSku: 'Windows2022',
};

describe('conditional catalog read', () => {
  beforeEach(() => {
    ctx.policy = conditionalCatalog;
  });

  it("limits the report to the entities the catalog lets the caller read, asking it with the caller's credentials", async () => {
    const report = await get(ctx.server, '/v1/report', asUser(OLIVIA));
    expect(report.status).toBe(200);
    expect(report.body.items.map((r: any) => r.entityRef)).toEqual([
      ref('orders'),
      ref('orders-legacy'),
    ]);
    expect(report.body.summary).toMatchObject({
      total: 2,
      byStatus: { blocked: 1, 'at-risk': 1, unknown: 0, ready: 0 },
    });
    expect(ctx.catalogReaders).toContain(OLIVIA);
    const csv = await get(ctx.server, '/v1/report?format=csv', asUser(OSCAR));
    expect(parseCsv(csv.text).map(row => row[0])).toEqual([
      'entity',
      ref('doc-indexer'),
      ref('fax-gateway'),
      ref('label-printer'),
      ref('print-spooler'),
    ]);
    expect(ctx.catalogReaders).toContain(OSCAR);
  });

  it('filters what-if and per-service history the same way', async () => {
    const asOlivia = await post(
      ctx.server,
      '/v1/what-if',
      WHAT_IF,
      asUser(OLIVIA),
    );
    expect(asOlivia.body.impacted.map((i: any) => i.id)).toEqual([
      ref('orders'),
    ]);
    const asOscar = await post(
      ctx.server,
      '/v1/what-if',
      WHAT_IF,
      asUser(OSCAR),
    );
    expect(asOscar.body.impacted).toEqual([]);
    const history = await get(
      ctx.server,
      '/v1/history?dimension=service',
      asUser(OLIVIA),
    );
    expect(history.body.items.map((i: any) => i.key)).toEqual([
      ref('orders'),
      ref('orders-legacy'),
    ]);
  });

  it("answers the entity route from the entity's own decision", async () => {
    const entity = (name: string) =>
      get(ctx.server, `/v1/entities/default/component/${name}`, asUser(OLIVIA));
    expect((await entity('orders-legacy')).body.status).toBe('blocked');
    expect((await entity('print-spooler')).status).toBe(403);
  });

  it("does not let a conditional caller's view leak into the plugin's own entity cache", async () => {
    await get(ctx.server, '/v1/report', asUser(OLIVIA));
    ctx.policy = allow;
    const report = await get(ctx.server, '/v1/report');
    expect(report.body.total).toBe(20);
    expect(report.body.items[0].owner).toBe('group:default/team-platform');
  });
});

describe('MCP actions', () => {
  const olivia = mockCredentials.user(OLIVIA);

  it('get-entity-windows-readiness follows catalog read access', async () => {
    ctx.policy = conditionalCatalog;
    const { output } = await ctx.actions.invoke({
      id: 'test:get-entity-windows-readiness',
      input: { entityRef: 'orders-legacy' },
      credentials: olivia,
    });
    expect(output).toMatchObject({
      entityRef: ref('orders-legacy'),
      status: 'blocked',
    });
    const imageCheck = (output as any).checks.find(
      (c: any) => c.id === 'image-os-build',
    );
    expect(imageCheck).toMatchObject({ result: 'fail' });
    expect(imageCheck.remediation).toContain('servercore:ltsc2019');
    await expect(
      ctx.actions.invoke({
        id: 'test:get-entity-windows-readiness',
        input: { entityRef: 'component:default/print-spooler' },
        credentials: olivia,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('windows-readiness-what-if needs the report permission and filters by catalog read', async () => {
    ctx.policy = conditionalCatalog;
    const { output } = await ctx.actions.invoke({
      id: 'test:windows-readiness-what-if',
      input: WHAT_IF,
      credentials: olivia,
    });
    expect((output as any).impacted.map((i: any) => i.id)).toEqual([
      ref('orders'),
    ]);
    ctx.policy = deny;
    await expect(
      ctx.actions.invoke({
        id: 'test:windows-readiness-what-if',
        input: WHAT_IF,
        credentials: olivia,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('list-windows-readiness-services answers "which of my services will break in the next 90 days?"', async () => {
    ctx.policy = allow;
    const { output } = await ctx.actions.invoke({
      id: 'test:list-windows-readiness-services',
      input: { mine: true, withinDays: 90 },
      credentials: olivia,
    });
    expect(output).toMatchObject({
      total: 2,
      items: [
        {
          entityRef: ref('orders-legacy'),
          owner: 'group:default/team-orders',
          status: 'blocked',
          failingChecks: ['image-os-build', 'pod-status'],
          earliestImageDeletionDate: '2027-04-01',
          daysUntilImageDeletion: 125,
          survivesNextOsSku: false,
          reasons: [
            'blocked: image-os-build, pod-status failing',
            'aks-weu-legacy/npwin (Windows2019): retired on 2026-03-01, no new node images or patches',
          ],
        },
        { entityRef: ref('orders'), status: 'at-risk' },
      ],
    });
    // Another team's services, by owner, are there for a caller who reads them.
    const office = await ctx.actions.invoke({
      id: 'test:list-windows-readiness-services',
      input: { owner: 'team-office', status: ['blocked'] },
      credentials: olivia,
    });
    expect((office.output as any).items.map((i: any) => i.entityRef)).toEqual([
      ref('fax-gateway'),
      ref('label-printer'),
      ref('print-spooler'),
    ]);
  });

  it('list-windows-readiness-services lists only what the catalog lets the caller read', async () => {
    ctx.policy = conditionalCatalog;
    const { output } = await ctx.actions.invoke({
      id: 'test:list-windows-readiness-services',
      input: {},
      credentials: olivia,
    });
    expect((output as any).items.map((i: any) => i.entityRef)).toEqual([
      ref('orders-legacy'),
      ref('orders'),
    ]);
    const office = await ctx.actions.invoke({
      id: 'test:list-windows-readiness-services',
      input: { owner: 'team-office' },
      credentials: olivia,
    });
    expect(office.output).toMatchObject({ total: 0, items: [] });
    ctx.policy = deny;
    await expect(
      ctx.actions.invoke({
        id: 'test:list-windows-readiness-services',
        input: { withinDays: 90 },
        credentials: olivia,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('list-windows-readiness-services refuses owner and mine together, and mine without a user', async () => {
    ctx.policy = allow;
    await expect(
      ctx.actions.invoke({
        id: 'test:list-windows-readiness-services',
        input: { owner: 'team-orders', mine: true },
        credentials: olivia,
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      ctx.actions.invoke({
        id: 'test:list-windows-readiness-services',
        input: { mine: true },
        credentials: mockCredentials.service('plugin:catalog'),
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });
});
