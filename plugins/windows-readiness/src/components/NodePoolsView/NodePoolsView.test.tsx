import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  StatusResponse,
  ClustersResponse,
} from '@winready/plugin-windows-readiness-common';
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
import { osSkusFor } from '../OsSkuPicker/__fixtures__';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

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
    expect(npwin.getByText('Windows2019')).toBeInTheDocument();
    expect(npwin.getByText('User, 2 nodes')).toBeInTheDocument();
    expect(npwin.getByText('10.0.17763.6532')).toBeInTheDocument();
    expect(npwin.getByText('Windows Server 2019 (17763)')).toBeInTheDocument();
    expect(
      npwin.getByText('AKSWindows-2019-containerd-17763.6532.241101'),
    ).toBeInTheDocument();
    expect(npwin.getByText('sku=win:NoSchedule')).toBeInTheDocument();
    expect(npwin.getByText('orders-legacy')).toBeInTheDocument();
    const linux = within(screen.getByTestId('pool-aks-neu-modern-nplinux'));
    expect(linux.getByText('Ubuntu2204')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('pool-aks-neu-modern-npwan')).getByText(
        'User, 1 node',
      ),
    ).toBeInTheDocument();
    expect(linux.queryByRole('button', { name: 'OS SKU what-if…' })).toBeNull();
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

  it('runs a what-if on a Windows pool, to the OS SKUs AKS allows there', async () => {
    const api = mockApi({
      getClusters: async () => demoClusters,
      getOsSkus: async () => osSkusFor(),
      whatIf: async () => demoWhatIfNpwin,
    });
    await render(api);
    const row = within(await screen.findByTestId('pool-aks-weu-legacy-npwin'));
    await userEvent.click(row.getByRole('button', { name: 'OS SKU what-if…' }));
    const panel = within(screen.getByTestId('what-if-aks-weu-legacy-npwin'));
    const select = panel.getByLabelText('Move npwin to') as HTMLSelectElement;
    // On Kubernetes 1.31: not 2019 (its own), not 2025 (1.32 and later), not
    // Annual (retired).
    expect([...select.options].map(o => o.value)).toEqual(['Windows2022']);

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
  });

  it('never offers a downgrade, a retired SKU or the same SKU', async () => {
    const api = mockApi({
      getClusters: async () => demoClusters,
      getOsSkus: async () => osSkusFor(),
      whatIf: async ({ osSku }) => ({
        ...demoWhatIfNpw22,
        pool: 'npwan',
        fromOsSku: 'WindowsAnnual',
        toOsSku: osSku,
        impacted: [],
      }),
    });
    await render(api, 'aks-neu-modern');
    const npwan = within(
      await screen.findByTestId('pool-aks-neu-modern-npwan'),
    );
    await userEvent.click(
      npwan.getByRole('button', { name: 'OS SKU what-if…' }),
    );
    const panel = within(screen.getByTestId('what-if-aks-neu-modern-npwan'));
    const select = panel.getByLabelText('Move npwan to') as HTMLSelectElement;
    // Annual Channel runs 25398: Windows2022 (20348) would be a downgrade.
    expect([...select.options].map(o => o.value)).toEqual(['Windows2025']);
    await userEvent.click(panel.getByRole('button', { name: 'Run what-if' }));
    expect(
      await panel.findByText('No service gets worse on Windows2025.'),
    ).toBeInTheDocument();
    // Nothing is newer than Windows Server 2025.
    const npw25 = within(screen.getByTestId('pool-aks-neu-modern-npw25'));
    expect(npw25.queryByRole('button', { name: 'OS SKU what-if…' })).toBeNull();
    expect(npw25.getByText('No OS SKU to move to')).toBeInTheDocument();
  });

  it("offers the SKUs the backend's table adds", async () => {
    const skus = osSkusFor();
    skus.items.push({
      ...skus.items.find(sku => sku.osSku === 'Windows2025')!,
      osSku: 'WindowsNext',
      build: 26200,
      retirementDate: undefined,
    });
    await render(
      mockApi({
        getClusters: async () => demoClusters,
        getOsSkus: async () => skus,
      }),
      'aks-neu-modern',
    );
    const npw25 = within(
      await screen.findByTestId('pool-aks-neu-modern-npw25'),
    );
    await userEvent.click(
      npw25.getByRole('button', { name: 'OS SKU what-if…' }),
    );
    const select = within(
      screen.getByTestId('what-if-aks-neu-modern-npw25'),
    ).getByLabelText('Move npw25 to') as HTMLSelectElement;
    expect([...select.options].map(o => o.value)).toEqual(['WindowsNext']);
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
    await userEvent.click(row.getByRole('button', { name: 'OS SKU what-if…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Run what-if' }));
    expect(
      (await screen.findAllByText(/Unknown OS SKU/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByTestId('cluster-aks-weu-legacy')).toBeNull();
  });
});

describe('NodePoolsView refresh', () => {
  const status = (startedAt: string): StatusResponse => ({
    lastRefresh: {
      startedAt,
      finishedAt: startedAt,
      clusters: 3,
      unreachableClusters: [],
      failedClusters: [],
      errors: 0,
      sourceErrors: [],
      imageErrors: 0,
      services: 15,
    },
    running: null,
    evaluatedAt: startedAt,
    asOf: startedAt,
    clusters: 3,
    staleClusters: [],
    shards: [],
  });

  it('refreshes now and reads the clusters again, for those allowed to', async () => {
    // Before the click, while it runs (the previous one), once finished.
    const statuses = [
      status('2026-11-27T10:00:00.000Z'),
      status('2026-11-27T10:00:00.000Z'),
      status('2026-11-27T12:00:00.000Z'),
    ];
    const api = mockApi({
      getClusters: async () => demoClusters,
      getStatus: async () =>
        statuses.shift() ?? status('2026-11-27T12:00:00.000Z'),
      refresh: async () => {},
    });
    await renderWithApi(<NodePoolsView now={DEMO_NOW} />, api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh now' }),
    );
    expect(api.refresh).toHaveBeenCalledTimes(1);
    expect(
      await screen.findByText('Refreshed: 3 clusters read.', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(api.getClusters).toHaveBeenCalledTimes(2);
  }, 20_000);

  it('offers no refresh to those who may not', async () => {
    await renderWithApi(
      <NodePoolsView now={DEMO_NOW} />,
      mockApi({ getClusters: async () => demoClusters }),
      { permission: AuthorizeResult.DENY },
    );
    await screen.findByTestId('cluster-aks-weu-legacy');
    expect(screen.queryByRole('button', { name: 'Refresh now' })).toBeNull();
  });
});
