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
});
