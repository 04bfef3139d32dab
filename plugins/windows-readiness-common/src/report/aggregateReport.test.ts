import { loadDemoFleet } from '../__testUtils__/demoFleet';
import { evaluateFleet } from '../evaluate/evaluateFleet';
import { aggregateReport, statusInCluster } from './aggregateReport';

const result = evaluateFleet(loadDemoFleet(), {
  asOf: new Date('2026-11-27'),
});

describe('aggregateReport', () => {
  const owners = {
    orders: 'group:default/team-orders',
    'orders-legacy': 'group:default/team-orders',
    payments: 'group:default/team-payments',
  };
  const report = aggregateReport(result.services, owners);

  it('counts services by status', () => {
    expect(report.total).toBe(20);
    expect(report.byStatus).toEqual({
      blocked: 5,
      'at-risk': 7,
      unknown: 2,
      ready: 3,
      'not-applicable': 3,
    });
  });

  it('counts by owner only where an owner is known', () => {
    expect(report.byOwner).toEqual({
      'group:default/team-orders': expect.objectContaining({
        blocked: 1,
        'at-risk': 1,
      }),
      'group:default/team-payments': expect.objectContaining({ 'at-risk': 1 }),
    });
  });

  it('counts by cluster with the status a service has in that cluster', () => {
    expect(report.byCluster['aks-eus-linux']).toMatchObject({
      'not-applicable': 1,
    });
    expect(report.byCluster['aks-weu-legacy']).toMatchObject({
      blocked: 2,
      'at-risk': 2,
    });
    expect(report.byCluster['aks-weu-batch']).toEqual({
      blocked: 1,
      'at-risk': 0,
      unknown: 1,
      ready: 2,
      'not-applicable': 1,
    });
    const storefront = result.services.find(s => s.id === 'storefront')!;
    expect(statusInCluster(storefront, 'aks-eus-linux')).toBe('not-applicable');
  });

  it('counts results per check', () => {
    expect(report.byCheck['image-os-build'].fail).toBe(2);
    expect(report.byCheck['linux-isolation'].warn).toBe(1);
    const perCheck = Object.values(report.byCheck['os-selector']).reduce(
      (a, b) => a + b,
      0,
    );
    expect(perCheck).toBe(20);
    expect(report.byCheck['image-os-build'].unknown).toBe(2);
  });
});
