import { screen, within } from '@testing-library/react';
import type { PoolWorkloadCounts } from '@winready/plugin-windows-readiness-common';
import {
  mockApi,
  renderWithApi,
} from '../ReadinessReportPage/__testUtils__/renderWithApi';
import { NodePoolsView } from './NodePoolsView';
import { DEMO_NOW, demoCluster } from './__fixtures__';

const render = (api: ReturnType<typeof mockApi>) =>
  renderWithApi(<NodePoolsView now={DEMO_NOW} />, api);

describe('the Workloads column of the node pools', () => {
  it.each<[string, PoolWorkloadCounts | undefined, string[]]>([
    [
      'npwan',
      { on: 3, eligible: 4, blocked: 0 },
      ['3 on it', '4 eligible', '0 blocked'],
    ],
    [
      'npw22',
      { on: 5, eligible: 5, blocked: 2 },
      ['5 on it', '5 eligible', '2 blocked'],
    ],
    [
      'nplinux',
      { on: 1234, eligible: 1300, blocked: 0 },
      ['1,234 on it', '1,300 eligible', '0 blocked'],
    ],
    // A backend from before the counts.
    ['npw25', undefined, ['–']],
  ])(
    'counts the workloads on %s, eligible for it and blocked from it',
    async (name, counts, lines) => {
      const clusters = { items: [demoCluster('aks-neu-modern')] };
      const pool = clusters.items[0].pools.find(p => p.name === name)!;
      if (counts) pool.workloads = counts;
      else delete pool.workloads;
      await render(mockApi({ getClusters: async () => clusters }));
      const row = await screen.findByTestId(`pool-aks-neu-modern-${name}`);
      const header = screen
        .getAllByRole('columnheader')
        .map(h => h.textContent);
      const cell =
        within(row).getAllByRole('cell')[header.indexOf('Workloads')];
      // A pool without counts shows a dash instead of the three lines.
      const shown = within(cell)
        .queryAllByTestId(/^pool-workloads-/)
        .map(line => line.textContent);
      expect(shown.length ? shown : [cell.textContent]).toEqual(lines);
    },
  );
});
