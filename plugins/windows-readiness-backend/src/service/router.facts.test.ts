/**
 * GET /v1/facts on a test backend whose real sources read the demo fleet
 * from the AKS simulator: what the Tech Insights fact retriever stores.
 */
import type { FactsResponse } from '@winready/plugin-windows-readiness-common';
import { DEMO_NOW, get, useDemoBackend } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const ctx = useDemoBackend();
const byRef = (body: FactsResponse) =>
  Object.fromEntries(body.items.map(item => [item.entityRef, item]));

describe('GET /v1/facts', () => {
  it('gives every stored service its facts, as of the stored evaluation', async () => {
    const res = await get(ctx.server, '/v1/facts');
    expect(res.status).toBe(200);
    const body = res.body as FactsResponse;
    // The plugin's clock starts at DEMO_NOW; the refresh ran a moment later.
    expect(body.asOf!.slice(0, 10)).toBe(DEMO_NOW.toISOString().slice(0, 10));
    expect(body.evaluatedAt).toEqual(expect.any(String));
    expect(body.items).toHaveLength(20);
    const facts = byRef(body);
    expect(facts['component:default/orders-legacy']).toEqual({
      entityRef: 'component:default/orders-legacy',
      owner: 'group:default/team-orders',
      status: 'blocked',
      failingChecks: ['image-os-build', 'pod-status'],
      unknownChecks: [],
      runsOn: [
        {
          cluster: 'aks-weu-legacy',
          pool: 'npwin',
          osSku: 'Windows2019',
          retirementDate: '2026-03-01',
          imageDeletionDate: '2027-04-01',
          successorOsSku: 'Windows2022',
        },
      ],
      earliestRetirementDate: '2026-03-01',
      daysUntilRetirement: -271,
      earliestImageDeletionDate: '2027-04-01',
      daysUntilImageDeletion: 125,
      survivesNextOsSku: false,
    });
    expect(facts['component:default/search-indexer']).toMatchObject({
      status: 'ready',
      earliestRetirementDate: null,
      daysUntilRetirement: null,
      survivesNextOsSku: true,
    });
  });

  it('agrees with the report on every status', async () => {
    const [facts, report] = await Promise.all([
      get(ctx.server, '/v1/facts'),
      get(ctx.server, '/v1/report'),
    ]);
    expect(
      Object.fromEntries(
        facts.body.items.map((i: any) => [i.entityRef, i.status]),
      ),
    ).toEqual(
      Object.fromEntries(
        report.body.items.map((r: any) => [r.entityRef, r.status]),
      ),
    );
  });
});
