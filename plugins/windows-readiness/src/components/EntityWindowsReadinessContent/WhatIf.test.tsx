import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  EntityReadinessResponse,
  WhatIfResponse,
} from '@winready/plugin-windows-readiness-common';
import type { WindowsReadinessApi } from '../../api';
import { EntityWindowsReadinessContent } from './EntityWindowsReadinessContent';
import { entityFixtures } from '../common/__fixtures__';
import {
  componentEntity,
  renderWithEntity,
} from '../common/__testUtils__/renderWithEntity';
import {
  clustersFixture,
  faxGatewayFixture,
  historyFixture,
  whatIfFixtures,
} from './__fixtures__';
import { osSkusFor } from '../OsSkuPicker/__fixtures__';

async function render(
  entity: EntityReadinessResponse,
  whatIf: WindowsReadinessApi['whatIf'],
  getClusters: WindowsReadinessApi['getClusters'] = () =>
    Promise.resolve(clustersFixture),
) {
  const api: Partial<WindowsReadinessApi> = {
    getEntity: () => Promise.resolve(entity),
    getHistory: () => Promise.resolve(historyFixture),
    getClusters,
    getOsSkus: () => Promise.resolve(osSkusFor()),
    whatIf: jest.fn(whatIf),
  };
  await renderWithEntity(<EntityWindowsReadinessContent />, {
    entity: componentEntity(entity.id.split('/').pop()!),
    api,
  });
  return api.whatIf as jest.Mock;
}

const answer = (value: WhatIfResponse) => () => Promise.resolve(value);

describe('what-if on the entity tab', () => {
  it('shows that this service gets blocked when its pool moves to the successor', async () => {
    let resolve: (value: WhatIfResponse) => void = () => {};
    const whatIf = await render(
      entityFixtures['at-risk'],
      () => new Promise(r => (resolve = r)),
    );
    const row = await screen.findByTestId('what-if-npwin');
    // getClusters says npwin runs Windows2019 and preselects its successor.
    expect(
      await within(row).findByText(/\(Windows2019\) moves to/),
    ).toBeInTheDocument();
    const simulate = within(row).getByRole('button', {
      name: 'Run what-if: npwin on Windows2022',
    });
    await userEvent.click(simulate);
    expect(whatIf).toHaveBeenCalledWith({
      cluster: 'aks-weu-legacy',
      pool: 'npwin',
      osSku: 'Windows2022',
    });
    expect(within(row).getByTestId('progress')).toBeInTheDocument();
    expect(simulate).toBeDisabled();

    resolve(whatIfFixtures.npwinTo2022);
    const outcome = await within(row).findByTestId('what-if-outcome');
    expect(outcome).toHaveTextContent(
      'Impacted: when npwin moves from Windows2019 to Windows2022, this service goes from At risk to Blocked.',
    );
    expect(outcome).toHaveTextContent(
      "Image fits the Windows build: No Windows pool in aks-weu-legacy matches the workload's node selection",
    );
    expect(outcome).not.toHaveTextContent(/other service/);
  });

  it('does not call a blocked service that stays blocked "not impacted"', async () => {
    const whatIf = await render(
      entityFixtures.blocked,
      answer(whatIfFixtures.npw22To2025),
    );
    const row = await screen.findByTestId('what-if-npw22');
    await userEvent.click(
      await within(row).findByRole('button', {
        name: 'Run what-if: npw22 on Windows2025',
      }),
    );
    expect(whatIf).toHaveBeenCalledWith({
      cluster: 'aks-neu-modern',
      pool: 'npw22',
      osSku: 'Windows2025',
    });
    const outcome = await within(row).findByTestId('what-if-outcome');
    expect(outcome).toHaveTextContent(
      'No worse, and no better: this service stays Blocked when npw22 moves from Windows2022 to Windows2025; see its checks for what to fix.',
    );
    expect(outcome).not.toHaveTextContent(/Not impacted/);
  });

  it('says a ready service that keeps its status is not impacted', async () => {
    await render(
      entityFixtures['at-risk'],
      answer({
        ...whatIfFixtures.npwinTo2022,
        impacted: [],
      }),
    );
    const row = await screen.findByTestId('what-if-npwin');
    await userEvent.click(
      within(row).getByRole('button', { name: /^Run what-if/ }),
    );
    expect(await within(row).findByTestId('what-if-outcome')).toHaveTextContent(
      'No worse, and no better: this service stays At risk',
    );
  });

  it('offers no move where AKS has no newer OS SKU for the pool', async () => {
    await render(entityFixtures.ready, answer(whatIfFixtures.npw25To2022));
    const row = await screen.findByTestId('what-if-npw25');
    expect(row).toHaveTextContent(
      'npw25 (Windows2025): no newer OS SKU that AKS allows on this cluster to move to.',
    );
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('runs the OS SKU picked in the select', async () => {
    // Without the clusters, the pool's SKU and the cluster's version are
    // unknown: every Windows SKU that is not retired is offered.
    const whatIf = await render(
      entityFixtures.blocked,
      answer(whatIfFixtures.npw22To2025),
      () => Promise.reject(new Error('Missing permission')),
    );
    const row = await screen.findByTestId('what-if-npw22');
    const select = within(row).getByLabelText(
      'Target OS SKU for npw22',
    ) as HTMLSelectElement;
    expect([...select.options].map(o => o.value)).toEqual([
      'Windows2022',
      'Windows2025',
    ]);
    await userEvent.selectOptions(select, 'Windows2025');
    await userEvent.click(
      within(row).getByRole('button', {
        name: 'Run what-if: npw22 on Windows2025',
      }),
    );
    expect(whatIf).toHaveBeenCalledWith({
      cluster: 'aks-neu-modern',
      pool: 'npw22',
      osSku: 'Windows2025',
    });
    expect(
      await within(row).findByTestId('what-if-outcome'),
    ).toBeInTheDocument();
  });

  it('shows a failed what-if', async () => {
    await render(entityFixtures['at-risk'], () =>
      Promise.reject(new Error('OS SKU "Bogus" is not in the OS SKU table')),
    );
    const row = await screen.findByTestId('what-if-npwin');
    await userEvent.click(
      within(row).getByRole('button', { name: /^Run what-if/ }),
    );
    expect(
      (await within(row).findAllByText(/The what-if failed/)).length,
    ).toBeGreaterThan(0);
    expect(
      within(row).getAllByText(/is not in the OS SKU table/).length,
    ).toBeGreaterThan(0);
  });

  it('offers only the Windows pools the workload can land on', async () => {
    await render(faxGatewayFixture, answer(whatIfFixtures.npw22To2025));
    await screen.findByTestId('what-if-npw22');
    const pools = screen
      .getAllByRole('button', { name: /^Run what-if/ })
      .map(b => b.getAttribute('aria-label'));
    // npw25 runs the newest Windows Server: nothing to move it to.
    expect(pools).toEqual([
      'Run what-if: npw22 on Windows2025',
      'Run what-if: npwan on Windows2025',
    ]);
    expect(screen.getByTestId('what-if-npw25')).toHaveTextContent(
      /no newer OS SKU/,
    );
  });

  it('offers every pool, without OS SKUs, when the clusters cannot be read', async () => {
    await render(
      entityFixtures.blocked,
      answer(whatIfFixtures.npw22To2025),
      () => Promise.reject(new Error('Missing permission')),
    );
    const row = await screen.findByTestId('what-if-npw22');
    expect(row).toHaveTextContent(/If npw22 moves to/);
    expect(
      screen.getAllByRole('button', { name: /^Run what-if/ }),
    ).toHaveLength(3);
  });
});
