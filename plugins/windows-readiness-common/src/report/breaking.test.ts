import { loadDemoFleet } from '../__testUtils__/demoFleet';
import { evaluateFleet } from '../evaluate/evaluateFleet';
import type { EntityFacts } from '../model';
import { breakReasons, breakingServices } from './breaking';
import { poolsRunOn, serviceFacts } from './serviceFacts';

const AS_OF = new Date('2026-11-27T12:00:00Z');
const evaluation = evaluateFleet(loadDemoFleet(), { asOf: AS_OF });
const OWNERS: Record<string, string> = {
  'orders-legacy': 'group:default/team-orders',
  orders: 'group:default/team-orders',
  payments: 'group:default/team-payments',
};
const facts: EntityFacts[] = evaluation.services.map(service => ({
  entityRef: service.id,
  ...(OWNERS[service.id] ? { owner: OWNERS[service.id] } : {}),
  ...serviceFacts(service, poolsRunOn(service, evaluation.clusters), AS_OF),
}));
const ids = (items: EntityFacts[]) => items.map(item => item.entityRef);

describe('breakingServices on the demo fleet', () => {
  it.each([
    // Blocked ones first, then by the soonest date (a past one first).
    [
      { withinDays: 90 },
      [
        'fax-gateway',
        'label-printer',
        'orders-legacy',
        'print-spooler',
        'reports-job',
        // on aks-weu-legacy/npwin, retired 2026-03-01
        'catalog-web',
        'orders',
      ],
    ],
    // Windows2022 (npw22) retires 2027-03-15, in 108 days.
    [
      { withinDays: 120 },
      [
        'fax-gateway',
        'label-printer',
        'orders-legacy',
        'print-spooler',
        'reports-job',
        'catalog-web',
        'orders',
        'hostprocess-agent',
        'ledger',
        'payments',
      ],
    ],
    [
      { withinDays: 90, owners: ['group:default/team-orders'] },
      ['orders-legacy', 'orders'],
    ],
    [
      { statuses: ['ready' as const] },
      ['doc-indexer', 'invoice-renderer', 'search-indexer'],
    ],
    [{ owners: ['group:default/team-payments'] }, ['payments']],
    [{ owners: [] }, []],
  ])('%j', (query, expected) => {
    expect(ids(breakingServices(facts, query))).toEqual(expected);
  });

  it('says why, pool by pool', () => {
    const fax = facts.find(f => f.entityRef === 'fax-gateway')!;
    expect(breakReasons(fax, AS_OF, 180)).toEqual([
      'blocked: os-selector failing',
      'aks-neu-modern/npw22 (Windows2022): retires on 2027-03-15, in 108 days',
      'aks-neu-modern/npwan (WindowsAnnual): node images deleted on 2027-05-15, in 169 days',
      'aks-neu-modern/npwan (WindowsAnnual): retired on 2026-05-15, no new node images or patches',
    ]);
    expect(breakReasons(fax, new Date('2027-06-01'), 30)).toEqual([
      'blocked: os-selector failing',
      'aks-neu-modern/npw22 (Windows2022): retired on 2027-03-15, no new node images or patches',
      'aks-neu-modern/npwan (WindowsAnnual): node images deleted on 2027-05-15, scale-out fails',
      'aks-neu-modern/npwan (WindowsAnnual): retired on 2026-05-15, no new node images or patches',
    ]);
  });
});
