import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClustersResponse } from '@winready/plugin-windows-readiness-common';
import {
  mockApi,
  renderWithApi,
} from '../ReadinessReportPage/__testUtils__/renderWithApi';
import { NodePoolsView } from './NodePoolsView';
import {
  DEMO_NOW,
  clustersWithStaleLegacy,
  demoClusters,
  demoWhatIfNpw22,
  demoWhatIfNpwin,
} from './__fixtures__';

const render = (api: ReturnType<typeof mockApi>, cluster?: string) =>
  renderWithApi(<NodePoolsView now={DEMO_NOW} cluster={cluster} />, api);

describe('NodePoolsView', () => {
  it('shows progress while loading', async () => {
    await render(mockApi({ getClusters: () => new Promise(() => {}) }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    await render(
      mockApi({
        getClusters: async () => {
          throw new Error('clusters are down');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/clusters are down/))[0],
    ).toBeInTheDocument();
  });

  it.each<[string, ClustersResponse, string | undefined, string]>([
    ['no cluster', { items: [] }, undefined, 'No cluster collected yet'],
    [
      'an unknown cluster',
      demoClusters,
      'aks-nope',
      'No cluster named aks-nope',
    ],
  ])('is empty with %s', async (_name, clusters, cluster, title) => {
    await render(mockApi({ getClusters: async () => clusters }), cluster);
    expect(await screen.findByText(title)).toBeInTheDocument();
  });

  it('shows every pool with its OS SKU, build, image, taints and services', async () => {
    await render(mockApi({ getClusters: async () => demoClusters }));
    const npwin = within(
      await screen.findByTestId('pool-aks-weu-legacy-npwin'),
    );
    expect(npwin.getByText('Windows / Windows2019')).toBeInTheDocument();
    expect(npwin.getByText('10.0.17763.6532')).toBeInTheDocument();
    expect(npwin.getByText('Windows Server 2019 (17763)')).toBeInTheDocument();
    expect(
      npwin.getByText('AKSWindows-2019-containerd-17763.6532.241101'),
    ).toBeInTheDocument();
    expect(npwin.getByText('sku=win:NoSchedule')).toBeInTheDocument();
    expect(npwin.getByText('orders-legacy')).toBeInTheDocument();
    const linux = within(screen.getByTestId('pool-aks-neu-modern-nplinux'));
    expect(linux.getByText('Linux / Ubuntu2204')).toBeInTheDocument();
    expect(linux.queryByRole('button', { name: 'What if…' })).toBeNull();
    expect(screen.getAllByText(/Collected/).length).toBe(
      demoClusters.items.length,
    );
  });

  it('warns on untainted Windows pools only', async () => {
    await render(mockApi({ getClusters: async () => demoClusters }));
    await screen.findByTestId('cluster-aks-neu-modern');
    const warnings = screen.getAllByTestId('untainted-warning');
    expect(warnings).toHaveLength(1);
    expect(
      within(screen.getByTestId('pool-aks-neu-modern-npwan')).getByTestId(
        'untainted-warning',
      ),
    ).toHaveTextContent(/No NoSchedule\/NoExecute taint/);
  });

  it('marks a stale cluster and lists its errors', async () => {
    await render(
      mockApi({ getClusters: async () => clustersWithStaleLegacy() }),
    );
    const legacy = within(await screen.findByTestId('cluster-aks-weu-legacy'));
    expect(legacy.getByTestId('stale-marker')).toHaveTextContent(
      /Stale: the last read of aks-weu-legacy \(1 hour ago\) failed/,
    );
    expect(
      legacy.getByText(
        'kubernetes FETCH_ERROR 503 on /api/v1/nodes: service unavailable',
      ),
    ).toBeInTheDocument();
    const modern = within(screen.getByTestId('cluster-aks-neu-modern'));
    expect(modern.queryByTestId('stale-marker')).toBeNull();
  });

  it('lists the errors of a cluster that is not stale', async () => {
    const clusters = clustersWithStaleLegacy();
    clusters.items.find(c => c.name === 'aks-weu-legacy')!.stale = false;
    await render(mockApi({ getClusters: async () => clusters }));
    const legacy = within(await screen.findByTestId('cluster-aks-weu-legacy'));
    expect(legacy.getByRole('alert')).toHaveTextContent('service unavailable');
  });

  it('runs a what-if on a Windows pool, successor first', async () => {
    const api = mockApi({
      getClusters: async () => demoClusters,
      whatIf: async ({ osSku }) =>
        osSku === 'Windows2022'
          ? demoWhatIfNpwin
          : { ...demoWhatIfNpw22, toOsSku: osSku, impacted: [] },
    });
    await render(api);
    const row = within(await screen.findByTestId('pool-aks-weu-legacy-npwin'));
    await userEvent.click(row.getByRole('button', { name: 'What if…' }));
    const panel = within(screen.getByTestId('what-if-aks-weu-legacy-npwin'));
    const select = panel.getByLabelText('Move npwin to') as HTMLSelectElement;
    expect(select.value).toBe('Windows2022');
    expect([...select.options].map(o => o.value)).not.toContain('Windows2019');

    await userEvent.click(panel.getByRole('button', { name: 'Run what-if' }));
    const impact = within(await panel.findByTestId('what-if-impact'));
    expect(api.whatIf).toHaveBeenCalledWith({
      cluster: 'aks-weu-legacy',
      pool: 'npwin',
      osSku: 'Windows2022',
    });
    expect(panel.getByText(/Windows2019 → Windows2022/)).toBeInTheDocument();
    expect(impact.getByText('orders')).toBeInTheDocument();
    expect(impact.getByTestId('status-chip-at-risk')).toBeInTheDocument();
    expect(impact.getByTestId('status-chip-blocked')).toBeInTheDocument();
    expect(
      impact.getByText(/^image-os-build: No Windows pool/),
    ).toBeInTheDocument();

    await userEvent.selectOptions(select, 'Windows2025');
    expect(panel.queryByTestId('what-if-impact')).toBeNull();
    await userEvent.click(panel.getByRole('button', { name: 'Run what-if' }));
    expect(
      await panel.findByText('No service gets worse on Windows2025.'),
    ).toBeInTheDocument();
    expect(api.whatIf).toHaveBeenLastCalledWith({
      cluster: 'aks-weu-legacy',
      pool: 'npwin',
      osSku: 'Windows2025',
    });
  });

  it('shows a what-if error', async () => {
    const api = mockApi({
      getClusters: async () => demoClusters,
      whatIf: async () => {
        throw new Error('Unknown OS SKU');
      },
    });
    await render(api, 'aks-neu-modern');
    const row = within(await screen.findByTestId('pool-aks-neu-modern-npw22'));
    await userEvent.click(row.getByRole('button', { name: 'What if…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Run what-if' }));
    expect(
      (await screen.findAllByText(/Unknown OS SKU/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByTestId('cluster-aks-weu-legacy')).toBeNull();
  });
});
