import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NotFoundError } from '@backstage/errors';
import copyToClipboard from 'copy-to-clipboard';
import {
  CHECKS,
  type EntityReadinessResponse,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import type { WindowsReadinessApi } from '../../api';
import { EntityWindowsReadinessContent } from './EntityWindowsReadinessContent';
import { entityFixtures, withClusterStates } from '../common/__fixtures__';
import {
  componentEntity,
  renderWithEntity,
} from '../common/__testUtils__/renderWithEntity';
import staleClusterStates from '../EntityWindowsReadinessCard/__fixtures__/stale-cluster-states.json';
import {
  clustersFixture,
  historyFixture,
  reportsJobFixture,
} from './__fixtures__';
import { osSkusFor } from '../OsSkuPicker/__fixtures__';

jest.mock('copy-to-clipboard', () => jest.fn(() => true));

const SERVICE_CHECKS = CHECKS.filter(c => c.scope === 'service');

function render(
  entity: EntityReadinessResponse | Promise<never>,
  api: Partial<WindowsReadinessApi> = {},
) {
  const mock: Partial<WindowsReadinessApi> = {
    getEntity: jest.fn(() =>
      entity instanceof Promise ? entity : Promise.resolve(entity),
    ),
    getHistory: jest.fn().mockResolvedValue(historyFixture),
    getClusters: jest.fn().mockResolvedValue(clustersFixture),
    getOsSkus: jest.fn().mockResolvedValue(osSkusFor()),
    whatIf: jest.fn(),
    ...api,
  };
  const name =
    entity instanceof Promise ? 'orders' : entity.id.split('/').pop()!;
  return {
    mock,
    view: renderWithEntity(<EntityWindowsReadinessContent />, {
      entity: componentEntity(name),
      api: mock,
    }),
  };
}

describe('EntityWindowsReadinessContent', () => {
  it('shows progress while loading', async () => {
    await render(new Promise<never>(() => {})).view;
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows a friendly empty state on 404', async () => {
    await render(Promise.reject(new NotFoundError('none')) as never).view;
    expect(
      await screen.findByText(
        /No Kubernetes workloads of this entity were found in the collected clusters/,
      ),
    ).toBeInTheDocument();
  });

  it('shows other errors with a retry', async () => {
    const getEntity = jest
      .fn()
      .mockRejectedValueOnce(new Error('store unreachable'))
      .mockResolvedValueOnce(entityFixtures['at-risk']);
    await render(entityFixtures['at-risk'], { getEntity }).view;
    expect(
      (await screen.findAllByText(/store unreachable/)).length,
    ).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText('Deployment orders/orders'),
    ).toBeInTheDocument();
  });

  it.each<{
    status: ServiceStatus;
    workloads: string[];
    evidence: Array<string | RegExp>;
    snippets: number;
    whatIfPools: string[];
    /** Those with an OS SKU to move to (none is newer than Windows2025). */
    movable: string[];
  }>([
    {
      status: 'blocked',
      workloads: ['Deployment office/print-spooler'],
      evidence: [
        '10.0.17763.6532',
        '10.0.20348.4294',
        /^on aksnpw22000002: Failed: Failed to pull image/,
      ],
      snippets: 2,
      whatIfPools: ['npw22', 'npw25', 'npwan'],
      movable: ['npw22', 'npwan'],
    },
    {
      status: 'at-risk',
      workloads: ['Deployment orders/orders'],
      evidence: [
        'Windows2019',
        'winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019',
      ],
      snippets: 1,
      whatIfPools: ['npwin'],
      movable: ['npwin'],
    },
    {
      // What could not be told, what the registry said,
      // and what would settle it.
      status: 'unknown',
      workloads: ['Deployment finance/billing-api'],
      evidence: [
        /^the registry has not described winreadydemo\.azurecr\.io\/billing\/api:7\.3 \(.*401 Unauthorized.*\): check the registry's credentials$/,
        'What would settle it',
        "To settle it: check the registry's credentials (winreadydemo.azurecr.io/billing/api:7.3).",
      ],
      snippets: 0,
      whatIfPools: ['win'],
      // Its nodes run Windows2025: nothing newer to move to.
      movable: [],
    },
    {
      status: 'ready',
      workloads: ['StatefulSet search/search-indexer'],
      evidence: ['10.0.26100.6905'],
      snippets: 0,
      whatIfPools: ['npw25'],
      movable: [],
    },
    {
      status: 'not-applicable',
      workloads: ['Deployment web/storefront', 'Deployment web/storefront'],
      evidence: [],
      snippets: 0,
      whatIfPools: [],
      movable: [],
    },
  ])(
    'shows every check of a $status service with its evidence',
    async ({ status, workloads, evidence, snippets, whatIfPools, movable }) => {
      const fixture = entityFixtures[status];
      await render(fixture).view;
      const titles = await screen.findAllByText(/^(Deployment|StatefulSet) /);
      expect(titles.map(t => t.textContent)).toEqual(workloads);
      expect(
        screen.getAllByTestId(`status-chip-${status}`).length,
      ).toBeGreaterThan(0);
      for (const workload of fixture.result.workloads) {
        const card = screen.getByTestId(
          `workload-${workload.cluster}-${workload.name}`,
        );
        for (const check of SERVICE_CHECKS) {
          const row = within(card).getByTestId(`check-${check.id}`);
          expect(row).toHaveTextContent(check.title);
          const result = workload.checks.find(c => c.id === check.id)!;
          expect(row).toHaveTextContent(result.message);
        }
        expect(
          within(card).getByRole('table', { name: 'Pool sets' }),
        ).toHaveTextContent(
          `Selected${workload.pools.selected.join(', ') || 'none'}`,
        );
      }
      for (const text of evidence) {
        expect(screen.getAllByText(text).length).toBeGreaterThan(0);
      }
      expect(
        screen.queryAllByRole('button', { name: 'Copy snippet' }),
      ).toHaveLength(snippets);
      await waitFor(() =>
        expect(
          screen
            .queryAllByRole('button', { name: /^Run what-if/ })
            .map(button => button.getAttribute('aria-label')?.split(' ')[2]),
        ).toEqual(movable),
      );
      for (const pool of whatIfPools) {
        expect(screen.getByTestId(`what-if-${pool}`)).toBeInTheDocument();
      }
    },
  );

  it('shows taints and pod events as evidence, and copies the fix', async () => {
    await render(reportsJobFixture).view;
    const taints = await screen.findByRole('table', {
      name: 'Evidence of Taints are tolerated',
    });
    expect(taints).toHaveTextContent('sku=win:NoSchedule');
    expect(
      screen.getByRole('table', {
        name: 'Evidence of Pods show no OS mismatch',
      }),
    ).toHaveTextContent('Pod reports/reports-nightly-29412345-7hjkq');
    expect(
      screen.getByText(/^Unschedulable: 0\/4 nodes are available/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Copy snippet' }));
    expect(copyToClipboard).toHaveBeenCalledWith(
      expect.stringContaining('kind: RuntimeClass'),
    );
  });

  it('says when each cluster was collected and marks stale ones', async () => {
    await render(
      withClusterStates(entityFixtures['at-risk'], staleClusterStates),
    ).view;
    expect(
      await screen.findByText(/^aks-weu-legacy: collected \d+ hours? ago$/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('stale-marker')).toHaveTextContent(
      'kubernetes FETCH_ERROR 503 on /apis/apps/v1/deployments: connect ECONNREFUSED 10.20.0.4:443',
    );
  });

  it('charts the service status over days', async () => {
    const { mock, view } = render(entityFixtures['at-risk']);
    await view;
    expect(
      await screen.findByText(
        'Last 14 days: Blocked on 2, At risk on 9, Ready on 3. Latest (2026-11-27): At risk.',
      ),
    ).toBeInTheDocument();
    expect(mock.getHistory).toHaveBeenCalledWith({
      dimension: 'service',
      key: 'component:default/orders',
    });
    expect(document.querySelector('.recharts-surface')).not.toBeNull();
  });

  it.each([
    [{ items: [] }, 'No history yet: a day is recorded at each evaluation.'],
    [
      new Error('Missing permission'),
      'The history is not available: Missing permission',
    ],
  ])('says when there is no history (%s)', async (answer, text) => {
    const getHistory = jest.fn(() =>
      answer instanceof Error
        ? Promise.reject(answer)
        : Promise.resolve(answer),
    );
    await render(entityFixtures.ready, { getHistory }).view;
    expect(await screen.findByText(text)).toBeInTheDocument();
  });
});
