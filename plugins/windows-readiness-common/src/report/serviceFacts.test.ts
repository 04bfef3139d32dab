import { loadDemoFleet } from '../__testUtils__/demoFleet';
import { evaluateFleet } from '../evaluate/evaluateFleet';
import type { ServiceResult } from '../model';
import { poolsRunOn, serviceFacts } from './serviceFacts';

// The day the demo's expectations are written for; the dates are
// osSkus.data.ts's (Windows2019 retired 2026-03-01, images deleted
// 2027-04-01; Windows2022 2027-03-15 / 2028-04-01; WindowsAnnual 2026-05-15 /
// 2027-05-15; Windows2025 and the unknown WindowsNext have none).
const AS_OF = new Date('2026-11-27T12:00:00Z');
const evaluation = evaluateFleet(loadDemoFleet(), { asOf: AS_OF });
const service = (id: string) =>
  evaluation.services.find(s => s.id === id) as ServiceResult;
const factsOf = (id: string, asOf = AS_OF) =>
  serviceFacts(service(id), poolsRunOn(service(id), evaluation.clusters), asOf);

describe('serviceFacts on the demo fleet', () => {
  it.each([
    // id, status, failing, unknown, pools it runs on, retirement, days, deletion, days, survives
    [
      'orders-legacy',
      'blocked',
      ['image-os-build', 'pod-status'],
      [],
      ['aks-weu-legacy/npwin'],
      '2026-03-01',
      -271,
      '2027-04-01',
      125,
      false,
    ],
    [
      'orders',
      'at-risk',
      [],
      [],
      ['aks-weu-legacy/npwin'],
      '2026-03-01',
      -271,
      '2027-04-01',
      125,
      false,
    ],
    [
      'catalog-web',
      'at-risk',
      [],
      [],
      ['aks-weu-legacy/npwin'],
      '2026-03-01',
      -271,
      '2027-04-01',
      125,
      true,
    ],
    [
      'payments',
      'at-risk',
      [],
      [],
      ['aks-neu-modern/npw22'],
      '2027-03-15',
      108,
      '2028-04-01',
      491,
      true,
    ],
    // Three pools: the earliest of each date, from different pools.
    [
      'fax-gateway',
      'blocked',
      ['os-selector'],
      [],
      ['aks-neu-modern/npw22', 'aks-neu-modern/npw25', 'aks-neu-modern/npwan'],
      '2026-05-15',
      -196,
      '2027-05-15',
      169,
      true,
    ],
    [
      'search-indexer',
      'ready',
      [],
      [],
      ['aks-neu-modern/npw25'],
      null,
      null,
      null,
      null,
      true,
    ],
    // An OS SKU the table does not know: no dates, and the lifecycle unknown.
    [
      'kiosk',
      'unknown',
      [],
      ['build-selector', 'os-sku-lifecycle'],
      ['aks-neu-modern/npnext'],
      null,
      null,
      null,
      null,
      true,
    ],
    // upgrade-path could not tell: neither survives nor fails to.
    [
      'ledger',
      'at-risk',
      [],
      ['image-os-build', 'build-selector', 'upgrade-path'],
      ['aks-neu-modern/npw22'],
      '2027-03-15',
      108,
      '2028-04-01',
      491,
      null,
    ],
    // Linux only: no Windows pool, no dates.
    ['storefront', 'not-applicable', [], [], [], null, null, null, null, true],
  ])(
    '%s',
    (
      id,
      status,
      failing,
      unknown,
      pools,
      retirement,
      daysToRetirement,
      deletion,
      daysToDeletion,
      survivesNext,
    ) => {
      const facts = factsOf(id as string);
      expect(facts).toMatchObject({
        status,
        failingChecks: failing,
        unknownChecks: unknown,
        earliestRetirementDate: retirement,
        daysUntilRetirement: daysToRetirement,
        earliestImageDeletionDate: deletion,
        daysUntilImageDeletion: daysToDeletion,
        survivesNextOsSku: survivesNext,
      });
      expect(facts.runsOn.map(p => `${p.cluster}/${p.pool}`)).toEqual(pools);
    },
  );

  it('carries each pool’s OS SKU, dates and successor', () => {
    expect(factsOf('orders-legacy').runsOn).toEqual([
      {
        cluster: 'aks-weu-legacy',
        pool: 'npwin',
        osSku: 'Windows2019',
        retirementDate: '2026-03-01',
        imageDeletionDate: '2027-04-01',
        successorOsSku: 'Windows2022',
      },
    ]);
  });

  it('counts the days from the given instant, not from today', () => {
    const later = new Date('2027-03-01T00:00:00Z');
    expect(factsOf('payments', later)).toMatchObject({
      daysUntilRetirement: 14,
      daysUntilImageDeletion: 397,
    });
  });

  it('ignores pools the clusters do not describe', () => {
    const facts = serviceFacts(
      service('payments'),
      poolsRunOn(service('payments'), []),
      AS_OF,
    );
    expect(facts).toMatchObject({
      runsOn: [],
      earliestRetirementDate: null,
      daysUntilRetirement: null,
    });
  });
});
