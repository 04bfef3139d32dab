/**
 * osSkuFit on the demo fleet: what the OS SKU picker shows
 * (the rules one at a time: osSkuFit.smallFleets.test.ts).
 */
import { loadDemoFleet } from '../__testUtils__/demoFleet';
import { osSkuFit, type OsSkuFitItem } from './osSkuFit';
import { WhatIfError } from './whatIf';

const demo = loadDemoFleet();
// [fit, noFit] on a host that starts WS2022 images and no newer ones.
const WS2022_HOSTS: [string[], string[]] = [
  [
    'catalog-web',
    'doc-indexer',
    'fax-gateway',
    'hostprocess-agent',
    'invoice-renderer',
    'payments',
  ],
  [
    'kiosk',
    'label-printer',
    'notifications',
    'orders',
    'orders-legacy',
    'print-spooler',
    'reports-job',
    'search-indexer',
  ],
];
const item = (items: OsSkuFitItem[], osSku: string) =>
  items.find(i => i.osSku === osSku)!;

describe('osSkuFit on the demo fleet', () => {
  const { items } = osSkuFit(demo);

  it('offers the Windows SKUs of the table only, newest build first', () => {
    expect(items.map(i => [i.osSku, i.build])).toEqual([
      ['Windows2025', 26100],
      ['WindowsAnnual', 25398],
      ['Windows2022', 20348],
      ['Windows2019', 17763],
    ]);
  });

  it.each([
    [
      'Windows2019',
      [
        'catalog-web',
        'hostprocess-agent',
        'orders',
        'print-spooler',
        'reports-job',
      ],
      [
        'doc-indexer',
        'fax-gateway',
        'invoice-renderer',
        'kiosk',
        'label-printer',
        'notifications',
        'orders-legacy',
        'payments',
        'search-indexer',
      ],
    ],
    ['Windows2022', ...WS2022_HOSTS],
    [
      // A 23H2 host starts WS2022 images, not WS2025 ones.
      'WindowsAnnual',
      ...WS2022_HOSTS,
    ],
    [
      // 2025 hosts start 2022 images too.
      'Windows2025',
      [
        'catalog-web',
        'doc-indexer',
        'fax-gateway',
        'hostprocess-agent',
        'invoice-renderer',
        'kiosk',
        'label-printer',
        'notifications',
        'payments',
        'search-indexer',
      ],
      ['orders', 'orders-legacy', 'print-spooler', 'reports-job'],
    ],
  ])('%s: which Windows services fit a new pool', (osSku, fit, noFit) => {
    expect(item(items, osSku)).toMatchObject({
      fit,
      noFit,
      // The registry has no answer for ledger's and billing-api's images.
      unknown: ['billing-api', 'ledger'],
    });
  });

  it('never counts a Linux-only service', () => {
    for (const i of items) {
      const all = [...i.fit, ...i.noFit, ...i.unknown];
      expect(all).toHaveLength(16);
      // build-agent runs a multi-OS tag pinned to Linux (docs/rules.md rule 1).
      for (const linux of [
        'storefront',
        'web-portal',
        'api-gateway',
        'build-agent',
      ]) {
        expect(all).not.toContain(linux);
      }
    }
  });

  it("copies the table's figures, and says nothing of a cluster when none is named", () => {
    const result = osSkuFit(demo);
    expect(result.cluster).toBeUndefined();
    const { fit, noFit, unknown, ...figures } = item(
      result.items,
      'Windows2019',
    );
    expect(figures).toEqual({
      osSku: 'Windows2019',
      osType: 'Windows',
      build: 17763,
      buildName: 'Windows Server 2019 (17763)',
      baseImageTag: 'ltsc2019',
      retirementDate: '2026-03-01',
      imageDeletionDate: '2027-04-01',
      successor: 'Windows2022',
      minKubernetesVersion: '1.14',
      maxKubernetesVersion: '1.32',
    });
    expect('successor' in item(result.items, 'Windows2025')).toBe(false);
  });

  it.each([
    ['aks-neu-modern', '1.33.2', [true, true, true, false]],
    ['aks-weu-legacy', '1.31.5', [false, true, true, true]],
  ])(
    'judges each SKU against %s (Kubernetes %s)',
    (cluster, version, allowed) => {
      const result = osSkuFit(demo, { cluster });
      expect(result.cluster).toEqual({
        name: cluster,
        kubernetesVersion: version,
      });
      // Order: Windows2025, WindowsAnnual, Windows2022, Windows2019.
      expect(result.items.map(i => i.allowedOnCluster)).toEqual(allowed);
    },
  );

  it('names the known clusters when asked about one the fleet does not have', () => {
    expect(() => osSkuFit(demo, { cluster: 'aks-nowhere' })).toThrow(
      WhatIfError,
    );
    expect(() => osSkuFit(demo, { cluster: 'aks-nowhere' })).toThrow(
      /"aks-nowhere".*aks-weu-legacy, aks-neu-modern, aks-eus-linux/,
    );
  });

  it('maps workloads to services with a custom rule', () => {
    const result = osSkuFit(demo, {
      serviceIdsOf: w =>
        w.namespace === 'office' ? ['component:default/office'] : [],
    });
    // fax-gateway is WS2022 only, print-spooler WS2019 only.
    expect(result.items.map(i => [i.osSku, i.fit, i.noFit, i.unknown])).toEqual(
      [
        ['Windows2025', [], ['component:default/office'], []],
        ['WindowsAnnual', [], ['component:default/office'], []],
        ['Windows2022', [], ['component:default/office'], []],
        ['Windows2019', [], ['component:default/office'], []],
      ],
    );
  });
});
