import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { DEMO_NOW } from '../NodePoolsView/__fixtures__';
import { captureDownloads } from '../ReadinessReportPage/__testUtils__/downloads';
import {
  currentSearch,
  mockApi,
  renderWithApi,
  type MockApi,
} from '../ReadinessReportPage/__testUtils__/renderWithApi';
import { checkTitle } from '../common';
import { generateWorkloads } from './__fixtures__';
import { workloadsBackend } from './__testUtils__/workloadsBackend';
import { UnownedWorkloadsView } from './UnownedWorkloadsView';
import { ROWS_PER_NAMESPACE } from './WorkloadGroups';

jest.setTimeout(30_000);

const backend = workloadsBackend;

const render = (api: MockApi, search = '') =>
  renderWithApi(<UnownedWorkloadsView now={DEMO_NOW} />, api, {
    route: `/windows-readiness?view=workloads${search}`,
  });

const title = () => screen.findByText(/^Workloads \(/);
const shownNames = () =>
  screen
    .queryAllByTestId('workload-row')
    .map(row => row.querySelector('strong')!.textContent);

describe('UnownedWorkloadsView', () => {
  it('groups the workloads by cluster and namespace, each with its verdict', async () => {
    const api = backend();
    await render(api);
    expect(await title()).toHaveTextContent('Workloads (4)');
    expect(api.getWorkloads).toHaveBeenCalledWith();
    expect(
      screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent),
    ).toEqual(['aks-neu-modern (3 workloads)', 'aks-weu-batch (1 workload)']);
    const modern = within(screen.getByTestId('workloads-aks-neu-modern'));
    expect(
      modern.getAllByRole('table').map(t => t.getAttribute('aria-label')),
    ).toEqual([
      'Workloads of aks-neu-modern/external-dns',
      'Workloads of aks-neu-modern/ingress-nginx',
      'Workloads of aks-neu-modern/monitoring',
    ]);
    expect(
      screen.getByRole('button', { name: /^monitoring:/ }),
    ).toHaveTextContent('monitoring: 1 workload (1 at risk)');

    const agent = within(
      screen.getByRole('table', {
        name: 'Workloads of aks-neu-modern/monitoring',
      }),
    );
    expect(agent.getByText('DaemonSet')).toBeInTheDocument();
    expect(
      agent.getByText('gcr.io/datadoghq/agent:7.59.1'),
    ).toBeInTheDocument();
    expect(agent.getByText('team-platform')).toBeInTheDocument();
    expect(agent.getByText('by its namespace')).toBeInTheDocument();
    expect(agent.getByTestId('status-chip-at-risk')).toBeInTheDocument();
    expect(agent.getByText('Runs on npwan')).toBeInTheDocument();
    expect(
      agent.getByText(`Warns: ${checkTitle('build-selector')}`),
    ).toBeInTheDocument();
    const batch = within(screen.getByTestId('workloads-aks-weu-batch'));
    expect(
      batch.getByText(`Fails: ${checkTitle('taint-toleration')}`),
    ).toBeInTheDocument();
    expect(
      batch.getByText(`Cannot tell: ${checkTitle('image-os-build')}`),
    ).toBeInTheDocument();
    expect(batch.getByText('No owner')).toBeInTheDocument();
  });

  it.each<[string, string, string[]]>([
    ['a cluster', '&cluster=aks-weu-batch', ['csi-smb-node-win']],
    ['a namespace', '&namespace=monitoring', ['datadog-agent']],
    [
      'an owner',
      '&owner=group%3Adefault%2Fteam-platform',
      ['ingress-nginx-controller', 'datadog-agent'],
    ],
    [
      'statuses',
      '&status=blocked,at-risk',
      ['external-dns', 'datadog-agent', 'csi-smb-node-win'],
    ],
    ['a check', '&check=linux-isolation', ['external-dns']],
    ['a search in images', '&q=DATADOGHQ', ['datadog-agent']],
    ['nothing', '&q=nowhere', []],
  ])('opens a link filtered on %s', async (_what, search, names) => {
    const api = backend();
    await render(api, search);
    await title();
    expect(shownNames()).toEqual(names);
    // Fetched whole once: the filters apply in the browser.
    expect(api.getWorkloads.mock.calls).toEqual([[]]);
    expect(
      screen.queryByText('No workload matches these filters.') !== null,
    ).toBe(names.length === 0);
  });

  it('filters by status from the tiles, which count under the other filters', async () => {
    await render(backend(), '&cluster=aks-neu-modern');
    await title();
    expect(screen.getByTestId('status-tile-all')).toHaveTextContent('3');
    expect(screen.getByTestId('status-tile-at-risk')).toHaveTextContent('2');
    expect(
      screen.getByRole('group', { name: 'Workloads by status' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('status-tile-at-risk'));
    await waitFor(() => expect(currentSearch().get('status')).toBe('at-risk'));
    expect(await screen.findByText('Workloads (2 of 4)')).toBeInTheDocument();
    expect(shownNames()).toEqual(['external-dns', 'datadog-agent']);
  });

  it('searches as one types, and keeps the search in the address', async () => {
    await render(backend());
    await title();
    await userEvent.type(screen.getByLabelText('Search'), 'ingress');
    await waitFor(() => expect(currentSearch().get('q')).toBe('ingress'));
    expect(shownNames()).toEqual(['ingress-nginx-controller']);
  });

  it("forgets the namespace when the cluster changes (another cluster's namespace matches nothing)", async () => {
    await render(backend(), '&cluster=aks-neu-modern&namespace=monitoring');
    await title();
    const namespaces = screen.getByLabelText('Namespace') as HTMLSelectElement;
    expect([...namespaces.options].map(o => o.value)).toEqual([
      '',
      'external-dns',
      'ingress-nginx',
      'monitoring',
    ]);
    await userEvent.selectOptions(
      screen.getByLabelText('Cluster'),
      'aks-weu-batch',
    );
    await waitFor(() =>
      expect(currentSearch().get('cluster')).toBe('aks-weu-batch'),
    );
    expect(currentSearch().has('namespace')).toBe(false);
    expect(shownNames()).toEqual(['csi-smb-node-win']);
  });

  it('exports the filtered workloads', async () => {
    const capture = captureDownloads();
    try {
      const api = backend();
      await render(api, '&cluster=aks-neu-modern&status=at-risk&q=dns');
      await title();
      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      await waitFor(() => expect(capture.downloads).toHaveLength(1));
      expect(api.exportWorkloads).toHaveBeenCalledWith(
        { cluster: 'aks-neu-modern', status: ['at-risk'], q: 'dns' },
        'csv',
      );
      expect(capture.downloads[0].download).toBe(
        'windows-readiness-workloads-2026-11-27.csv',
      );
    } finally {
      capture.restore();
    }
  });

  it.each<[string, string, object, string]>([
    [
      'every cluster',
      '',
      { dimension: 'unowned', key: undefined },
      'Trend: workloads without a catalog entity',
    ],
    [
      'the filtered cluster',
      '&cluster=aks-weu-batch',
      { dimension: 'unowned', key: 'aks-weu-batch' },
      'Trend: workloads without a catalog entity in aks-weu-batch',
    ],
  ])('shows the trend of %s', async (_what, search, query, heading) => {
    const api = backend();
    await render(api, search);
    expect(await screen.findByText(heading)).toBeInTheDocument();
    expect(await screen.findByTestId('trend-summary')).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenCalledWith(query);
  });

  it('says quietly that the permission is needed, on a 403', async () => {
    const forbidden = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
          request: { method: 'GET', url: '/v1/workloads' },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    await render(
      mockApi({
        getWorkloads: async () => {
          throw forbidden;
        },
      }),
    );
    expect(
      await screen.findByText(
        /reading them takes the windows-readiness.report.read permission/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows any other error', async () => {
    await render(
      mockApi({
        getWorkloads: async () => {
          throw new Error('workloads are down');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/workloads are down/))[0],
    ).toBeInTheDocument();
  });

  it('says when every workload maps to an entity', async () => {
    await render(backend([]));
    expect(
      await screen.findByText(
        /Every collected workload maps to a catalog entity/,
      ),
    ).toBeInTheDocument();
  });

  it('keeps 2,000 workloads folded by namespace', async () => {
    await render(backend(generateWorkloads(2000)));
    expect(await title()).toHaveTextContent('Workloads (2,000)');
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(3);
    expect(shownNames()).toEqual([]);
  });

  it('shows the first rows of a large namespace, then all', async () => {
    const rows = generateWorkloads(120, { clusters: 1, namespaces: 1 });
    await render(backend(rows));
    await title();
    await userEvent.click(screen.getByRole('button', { name: /^ns-00:/ }));
    expect(await screen.findAllByTestId('workload-row')).toHaveLength(
      ROWS_PER_NAMESPACE,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Show all 120' }));
    expect(screen.getAllByTestId('workload-row')).toHaveLength(120);
  });
});
