import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { windowsReadinessApiRef } from '../../api';
import { mockApi } from '../ReadinessReportPage/__testUtils__/renderWithApi';
import {
  WindowsReadinessClusterPicker,
  validateClusterChoice,
} from '../ClusterPicker';
import { armClusters } from '../ClusterPicker/__fixtures__';
import { WindowsOsSkuPicker } from './WindowsOsSkuPicker';
import { validateOsSku } from './validateOsSku';
import { osSkusFor } from './__fixtures__';

/** The parameters of the `Windows node pool` template, as the brief gives them. */
const manifest = {
  title: 'Windows node pool',
  steps: [
    {
      title: 'Cluster',
      schema: {
        required: ['cluster'],
        properties: {
          cluster: {
            title: 'Cluster',
            type: 'object',
            'ui:field': 'WindowsReadinessClusterPicker',
          },
        },
      },
    },
    {
      title: 'Pool',
      schema: {
        required: ['name', 'osSku'],
        properties: {
          name: { type: 'string', title: 'Pool name' },
          osSku: {
            title: 'OS SKU',
            type: 'string',
            'ui:field': 'WindowsOsSkuPicker',
            'ui:options': { clusterField: 'cluster' },
          },
        },
      },
    },
  ],
};

const extensions = [
  {
    name: 'WindowsReadinessClusterPicker',
    component: WindowsReadinessClusterPicker,
    validation: validateClusterChoice,
  },
  {
    name: 'WindowsOsSkuPicker',
    component: WindowsOsSkuPicker,
    validation: validateOsSku,
  },
];

function render(initialState?: Record<string, any>) {
  const api = mockApi({
    getClusters: async () => armClusters(),
    getOsSkus: async cluster => osSkusFor(cluster),
  });
  const onCreate = jest.fn(async () => {});
  const rendered = renderInTestApp(
    <TestApiProvider apis={[[windowsReadinessApiRef, api]]}>
      <Stepper
        manifest={manifest as any}
        extensions={extensions as any}
        onCreate={onCreate}
        initialState={initialState}
      />
    </TestApiProvider>,
  );
  return { api, onCreate, rendered };
}

// A whole form in jsdom: slow on a loaded machine, not a speed target.
jest.setTimeout(30_000);

describe('the Windows node pool template form', () => {
  beforeAll(() => {
    // The stepper scrolls to the top on every step; jsdom cannot.
    window.scrollTo = jest.fn() as any;
  });

  it('passes the chosen cluster to the OS SKU step and the template', async () => {
    const { api, onCreate, rendered } = render();
    await rendered;
    await userEvent.click(await screen.findByRole('button', { name: 'Open' }));
    await userEvent.click(screen.getByText('aks-neu-modern'));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    await userEvent.type(await screen.findByLabelText(/Pool name/), 'npw22b');
    await userEvent.click(
      await screen.findByRole('button', { name: /OS SKU/ }),
    );
    expect(api.getOsSkus).toHaveBeenCalledWith('aks-neu-modern');
    const options = screen.getAllByRole('option');
    expect(options[0]).toHaveAttribute('aria-disabled', 'true'); // Windows2019 on 1.33
    await userEvent.click(
      within(options[1]).getByText(/^Windows2022 · 10\.0\.20348/),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );

    await waitFor(() => expect(onCreate).toHaveBeenCalled());
    expect(onCreate).toHaveBeenCalledWith({
      cluster: {
        name: 'aks-neu-modern',
        subscriptionId: '00000000-0000-0000-0000-000000000001',
        resourceGroup: 'rg-modern',
        location: 'northeurope',
        kubernetesVersion: '1.33.2',
        pools: ['system', 'nplinux', 'npw22', 'npw25', 'npwan', 'npnext'],
      },
      name: 'npw22b',
      osSku: 'Windows2022',
    });
  });

  it('stops on a cluster that ARM does not know', async () => {
    const { onCreate, rendered } = render({
      cluster: { name: 'aks-eus-linux' },
    });
    await rendered;
    await screen.findByRole('button', { name: 'Open' });
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    // Once in the error list on top, once under the field (RJSF's templates).
    expect(
      await screen.findAllByText(
        /aks-eus-linux is not an AKS cluster known to ARM/,
      ),
    ).toHaveLength(2);
    expect(screen.queryByLabelText(/Pool name/)).toBeNull();
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('stops on an OS SKU that the cluster no longer allows', async () => {
    const { rendered } = render({
      cluster: {
        name: 'aks-neu-modern',
        subscriptionId: '00000000-0000-0000-0000-000000000001',
        resourceGroup: 'rg-modern',
      },
      name: 'np19',
      osSku: 'Windows2019',
    });
    await rendered;
    await screen.findByRole('button', { name: 'Open' });
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('button', { name: /OS SKU/ });
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      (
        await screen.findAllByText(
          /Windows2019: Not allowed on Kubernetes 1\.33 \(AKS runs it on 1\.14 to 1\.32\)/,
        )
      ).length,
    ).toBeGreaterThan(0);
  });
});
