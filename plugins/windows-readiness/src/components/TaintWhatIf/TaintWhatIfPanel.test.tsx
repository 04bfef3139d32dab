import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import copyToClipboard from 'copy-to-clipboard';
import type { TaintWhatIfRequest } from '@winready/plugin-windows-readiness-common';
import {
  mockApi,
  renderWithApi,
  type MockApi,
} from '../ReadinessReportPage/__testUtils__/renderWithApi';
import type { WindowsReadinessApi } from '../../api';
import { NodePoolsView } from '../NodePoolsView';
import { DEMO_NOW, demoClusters } from '../NodePoolsView/__fixtures__';
import { osSkusFor } from '../OsSkuPicker/__fixtures__';
import { npw22RemoveWhatIf, npwanTaintWhatIf } from './__fixtures__';
import { parseTaintWhatIfLink, type TaintWhatIfLink } from './taintInput';

jest.mock('copy-to-clipboard', () => jest.fn(() => true));

// Whole node pools views in jsdom take seconds.
jest.setTimeout(30_000);

/** Types into a field at once (a keystroke each re-renders the panel). */
async function enter(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

function backend(overrides: Partial<WindowsReadinessApi> = {}) {
  return mockApi({
    getClusters: async () => demoClusters,
    getOsSkus: async () => osSkusFor(),
    whatIfTaint: async (request: TaintWhatIfRequest) =>
      request.removeTaint ? npw22RemoveWhatIf : npwanTaintWhatIf,
    ...overrides,
  });
}

const render = (api: MockApi, taintWhatIf?: TaintWhatIfLink) =>
  renderWithApi(
    <NodePoolsView now={DEMO_NOW} taintWhatIf={taintWhatIf} />,
    api,
  );

const link = (search: string) =>
  parseTaintWhatIfLink(new URLSearchParams(search));

/** Opens the taint what-if from a pool's row. */
async function openFrom(pool: string) {
  const row = within(await screen.findByTestId(`pool-aks-neu-modern-${pool}`));
  await userEvent.click(row.getByRole('button', { name: 'Taint what-if…' }));
  return within(screen.getByTestId('taint-what-if-aks-neu-modern'));
}

const groupRows = (title: string) =>
  within(screen.getByRole('table', { name: title }))
    .getAllByTestId('taint-impact')
    .map(row => row.querySelector('strong')!.textContent);

describe('TaintWhatIfPanel', () => {
  it('opens from a pool row on that pool and lists the impacted workloads by placement', async () => {
    const api = backend();
    await render(api);
    const panel = await openFrom('npwan');
    expect(panel.getByLabelText('Pool')).toHaveValue('npwan');
    await enter(panel.getByLabelText('Taint to add'), 'os=windows:NoSchedule');
    await userEvent.click(
      panel.getByRole('button', { name: 'Run taint what-if' }),
    );
    await panel.findByTestId('taint-what-if-result');
    expect(api.whatIfTaint).toHaveBeenCalledWith({
      cluster: 'aks-neu-modern',
      pool: 'npwan',
      addTaint: 'os=windows:NoSchedule',
    });
    expect(
      panel.getByText(
        'If aks-neu-modern/npwan gets the taint os=windows:NoSchedule',
      ),
    ).toBeInTheDocument();
    expect(groupRows('Can no longer be placed on any pool (1)')).toEqual([
      'kiosk',
    ]);
    expect(groupRows('Lose npwan but keep another pool (2)')).toEqual([
      'datadog-agent',
      'external-dns',
    ]);
    expect(panel.queryByText(/May now land on/)).toBeNull();

    const [, daemonSet, deployment] = panel.getAllByTestId('taint-impact');
    const ds = within(daemonSet);
    expect(ds.getByText('DaemonSet, leaves 1 node')).toBeInTheDocument();
    expect(ds.getByText('monitoring')).toBeInTheDocument();
    expect(ds.getByText('team-platform')).toBeInTheDocument();
    expect(ds.getByText('by its namespace')).toBeInTheDocument();
    expect(ds.getAllByTestId('status-chip-at-risk')).toHaveLength(2);
    expect(
      ds.getByText('Pools: system, nplinux, npwan → system, nplinux'),
    ).toBeInTheDocument();
    await userEvent.click(ds.getByRole('button', { name: 'Copy snippet' }));
    expect(copyToClipboard).toHaveBeenCalledWith(
      npwanTaintWhatIf.impacted[1].toleration,
    );
    const dep = within(deployment);
    expect(dep.getByText('No owner')).toBeInTheDocument();
    expect(dep.getByText('None needed')).toBeInTheDocument();
    expect(dep.getByText(/^no longer lands on Windows/)).toBeInTheDocument();
    expect(
      panel.getByRole('link', { name: 'Link to this what-if' }),
    ).toHaveAttribute(
      'href',
      '/windows-readiness?view=pools&cluster=aks-neu-modern&pool=npwan&addTaint=os%3Dwindows%3ANoSchedule',
    );
  });

  it.each<[string, 'Add a taint' | 'Remove a taint', string, RegExp]>([
    [
      'a taint without effect',
      'Add a taint',
      'os=windows',
      /^"os=windows" is not a taint/,
    ],
    [
      'an unknown effect',
      'Add a taint',
      'os=windows:Never',
      /Effect NoSchedule, PreferNoSchedule or NoExecute/,
    ],
    ['a key alone, to add', 'Add a taint', 'os', /^"os" is not a taint/],
    [
      'key=value, to remove',
      'Remove a taint',
      'os=windows',
      /^"os=windows" is neither a taint key nor a taint/,
    ],
  ])('refuses %s before any request', async (_what, change, text, problem) => {
    const api = backend();
    await render(api);
    const panel = await openFrom('npwan');
    await userEvent.click(panel.getByLabelText(change));
    await enter(panel.getByRole('textbox'), text);
    expect(panel.getByText(problem)).toBeInTheDocument();
    expect(
      panel.getByRole('button', { name: 'Run taint what-if' }),
    ).toBeDisabled();
    expect(api.whatIfTaint).not.toHaveBeenCalled();
  });

  it("removes one of the pool's taints, picked from its list", async () => {
    const api = backend();
    await render(api);
    const panel = await openFrom('npw22');
    await userEvent.click(panel.getByLabelText('Remove a taint'));
    await userEvent.click(
      panel.getByRole('button', { name: 'os=windows:NoSchedule' }),
    );
    expect(panel.getByLabelText('Taint or key to remove')).toHaveValue(
      'os=windows:NoSchedule',
    );
    await userEvent.clear(panel.getByLabelText('Taint or key to remove'));
    await enter(panel.getByLabelText('Taint or key to remove'), 'os');
    await userEvent.click(
      panel.getByRole('button', { name: 'Run taint what-if' }),
    );
    expect(
      await panel.findByText('May now land on npw22 (1)'),
    ).toBeInTheDocument();
    expect(api.whatIfTaint).toHaveBeenCalledWith({
      cluster: 'aks-neu-modern',
      pool: 'npw22',
      removeTaint: 'os',
    });
    expect(
      panel.getByText('If aks-neu-modern/npw22 loses the taint os'),
    ).toBeInTheDocument();
  });

  it('runs the what-if a link names, once, on opening', async () => {
    const api = backend();
    await render(
      api,
      link(
        'cluster=aks-neu-modern&pool=npwan&addTaint=os%3Dwindows%3ANoSchedule',
      ),
    );
    const panel = within(
      await screen.findByTestId('taint-what-if-aks-neu-modern'),
    );
    expect(await panel.findByText(/^Lose npwan but keep/)).toBeInTheDocument();
    expect(panel.getByLabelText('Taint to add')).toHaveValue(
      'os=windows:NoSchedule',
    );
    expect(api.whatIfTaint).toHaveBeenCalledTimes(1);
    // Another pool's row opens the same panel on that pool, without running.
    await openFrom('npw25');
    expect(panel.getByLabelText('Pool')).toHaveValue('npw25');
    expect(api.whatIfTaint).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      'cluster=aks-neu-modern&pool=npwan&addTaint=os%3Dwindows',
      /is not a taint/,
    ],
    [
      'cluster=aks-neu-modern&pool=npwan&addTaint=a%3ANoSchedule&removeTaint=b',
      /both addTaint and removeTaint/,
    ],
  ])(
    'says what is wrong with the link %s, and waits',
    async (search, problem) => {
      const api = backend();
      await render(api, link(search));
      const panel = within(
        await screen.findByTestId('taint-what-if-aks-neu-modern'),
      );
      expect(panel.getByRole('alert')).toHaveTextContent(problem);
      expect(api.whatIfTaint).not.toHaveBeenCalled();
    },
  );

  it('opens a link to a pool not collected yet, and shows the refusal', async () => {
    const api = backend({
      whatIfTaint: async () => {
        throw new Error('aks-neu-modern has no pool named npnew');
      },
    });
    await render(
      api,
      link('cluster=aks-neu-modern&pool=npnew&addTaint=sku%3Dwin%3ANoSchedule'),
    );
    const panel = within(
      await screen.findByTestId('taint-what-if-aks-neu-modern'),
    );
    expect(panel.getByLabelText('Pool')).toHaveValue('npnew');
    expect(
      panel.getByText(/had no pool named npnew at its last collection/),
    ).toBeInTheDocument();
    expect(
      (await panel.findAllByText(/has no pool named npnew/))[0],
    ).toBeInTheDocument();
  });

  it('says when the pool already has the taint, and when nothing moves', async () => {
    const api = backend({
      whatIfTaint: async () => ({
        ...npwanTaintWhatIf,
        pool: 'npw25',
        alreadyApplied: true,
        impacted: [],
      }),
    });
    await render(api);
    const panel = await openFrom('npw25');
    await enter(panel.getByLabelText('Taint to add'), 'os=windows:NoSchedule');
    await userEvent.click(
      panel.getByRole('button', { name: 'Run taint what-if' }),
    );
    expect(
      await panel.findByText(
        /npw25 already has this taint: the answer compares/,
      ),
    ).toBeInTheDocument();
    expect(
      panel.getByText(/^No workload changes placement/),
    ).toBeInTheDocument();
  });

  it('closes', async () => {
    await render(backend());
    await openFrom('npwan');
    await userEvent.click(
      screen.getByRole('button', { name: 'Close the taint what-if' }),
    );
    await waitFor(() =>
      expect(screen.queryByTestId('taint-what-if-aks-neu-modern')).toBeNull(),
    );
  });
});
