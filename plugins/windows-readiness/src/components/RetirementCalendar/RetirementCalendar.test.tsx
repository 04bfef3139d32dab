import { screen, within } from '@testing-library/react';
import type { ClustersResponse } from '@winready/plugin-windows-readiness-common';
import {
  DEMO_NOW,
  demoCluster,
  demoClusters,
} from '../NodePoolsView/__fixtures__';
import {
  mockApi,
  renderWithApi,
} from '../ReadinessReportPage/__testUtils__/renderWithApi';
import { RetirementCalendar } from './RetirementCalendar';
import { daysLeftText, retirementEntries } from './retirementEntries';

describe('retirementEntries', () => {
  it('groups pools by date and OS SKU, soonest first, services once', () => {
    const twin = demoCluster('aks-weu-legacy');
    twin.name = 'aks-weu-legacy-2';
    const shuffled = [...demoClusters.items, twin].reverse();
    const entries = retirementEntries(shuffled, DEMO_NOW);
    expect(entries.map(e => [e.date, e.osSku, e.daysLeft, e.past])).toEqual([
      ['2026-03-01', 'Windows2019', -271, true],
      ['2026-05-15', 'WindowsAnnual', -196, true],
      ['2027-03-15', 'Windows2022', 108, false],
    ]);
    expect(entries[0].pools.map(p => `${p.cluster}/${p.pool}`).sort()).toEqual([
      'aks-weu-legacy-2/npwin',
      'aks-weu-legacy/npwin',
    ]);
    expect(entries[0].services).toEqual([
      'component:default/catalog-web',
      'component:default/orders',
      'component:default/orders-legacy',
    ]);
    expect(entries[0].imagesDeleted).toBe(false);
  });

  it('marks deleted node images', () => {
    const [entry] = retirementEntries(
      demoClusters.items,
      new Date('2027-04-01T00:00:00Z'),
    );
    expect(entry.imagesDeleted).toBe(true);
  });

  it.each([
    [0, 'today'],
    [1, 'in 1 day'],
    [108, 'in 108 days'],
    [-271, '271 days ago'],
    [NaN, 'unknown'],
  ])('says %d days as "%s"', (days, text) => {
    expect(daysLeftText(days)).toBe(text);
  });
});

describe('RetirementCalendar', () => {
  it('shows progress while loading', async () => {
    const api = mockApi({ getClusters: () => new Promise(() => {}) });
    await renderWithApi(<RetirementCalendar now={DEMO_NOW} />, api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    const api = mockApi({
      getClusters: async () => {
        throw new Error('clusters are down');
      },
    });
    await renderWithApi(<RetirementCalendar now={DEMO_NOW} />, api);
    expect(
      (await screen.findAllByText(/clusters are down/))[0],
    ).toBeInTheDocument();
  });

  it.each<[string, ClustersResponse]>([
    ['no cluster', { items: [] }],
    ['no retiring SKU', { items: [demoCluster('aks-eus-linux')] }],
  ])('is empty with %s', async (_name, clusters) => {
    const api = mockApi({ getClusters: async () => clusters });
    await renderWithApi(<RetirementCalendar now={DEMO_NOW} />, api);
    expect(await screen.findByText('No retirement ahead')).toBeInTheDocument();
  });

  it('lists retirements in date order, the past ones marked', async () => {
    const api = mockApi({ getClusters: async () => demoClusters });
    await renderWithApi(<RetirementCalendar now={DEMO_NOW} />, api);
    const rows = await screen.findAllByTestId('retirement-entry');
    expect(rows.map(r => r.getAttribute('data-past'))).toEqual([
      'true',
      'true',
      'false',
    ]);
    const first = within(rows[0]);
    expect(first.getByText('Retired')).toBeInTheDocument();
    expect(first.getByText('Windows2019')).toBeInTheDocument();
    expect(first.getByText('271 days ago')).toBeInTheDocument();
    expect(
      first.getByText('aks-weu-legacy/npwin (2 nodes)'),
    ).toBeInTheDocument();
    expect(first.getByText('orders-legacy')).toBeInTheDocument();
    const last = within(rows[2]);
    expect(last.getByText('in 108 days')).toBeInTheDocument();
    expect(last.getByText('Soon')).toBeInTheDocument();
    expect(last.queryByText('Retired')).not.toBeInTheDocument();
    expect(
      last.getByText('aks-neu-modern/npw22 (3 nodes)'),
    ).toBeInTheDocument();
  });

  it('keeps to one cluster when asked', async () => {
    const api = mockApi({ getClusters: async () => demoClusters });
    await renderWithApi(
      <RetirementCalendar now={DEMO_NOW} cluster="aks-weu-legacy" />,
      api,
    );
    const rows = await screen.findAllByTestId('retirement-entry');
    expect(rows).toHaveLength(1);
    expect(within(rows[0]).getByText('Windows2019')).toBeInTheDocument();
  });
});
