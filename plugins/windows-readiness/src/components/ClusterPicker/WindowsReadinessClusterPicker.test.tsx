import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { windowsReadinessApiRef } from '../../api';
import { mockApi } from '../ReadinessReportPage/__testUtils__/renderWithApi';
import { fieldProps } from '../common/__testUtils__/fieldProps';
import { WindowsReadinessClusterPicker } from './WindowsReadinessClusterPicker';
import type { ClusterChoice } from './clusterChoice';
import { armClusters } from './__fixtures__';

function render(
  api: ReturnType<typeof mockApi>,
  props: Parameters<typeof fieldProps<ClusterChoice>>[0] = {},
) {
  const all = fieldProps<ClusterChoice>({
    name: 'cluster',
    title: 'Cluster',
    description: 'Where the new pool goes',
    ...props,
  });
  return renderInTestApp(
    <TestApiProvider apis={[[windowsReadinessApiRef, api]]}>
      <WindowsReadinessClusterPicker {...all} />
    </TestApiProvider>,
  );
}

async function openList() {
  await userEvent.click(await screen.findByRole('button', { name: 'Open' }));
  return screen.getAllByRole('option');
}

describe('WindowsReadinessClusterPicker', () => {
  it('shows progress while the clusters load', async () => {
    await render(mockApi({ getClusters: () => new Promise(() => {}) }));
    expect(screen.getByText('Loading the clusters…')).toBeInTheDocument();
    expect(screen.getByTestId('picker-progress')).toBeInTheDocument();
    expect(screen.getByLabelText(/Cluster/)).toBeDisabled();
  });

  it('shows the backend error', async () => {
    await render(
      mockApi({
        getClusters: async () => {
          throw new Error('readiness backend unavailable');
        },
      }),
    );
    expect(
      await screen.findByText(
        'Could not load the clusters: readiness backend unavailable',
      ),
    ).toBeInTheDocument();
  });

  it('says when the backend knows no cluster', async () => {
    await render(mockApi({ getClusters: async () => ({ items: [] }) }));
    expect(
      await screen.findByText('The readiness backend knows no clusters yet'),
    ).toBeInTheDocument();
  });

  it('lists every cluster with version, location, Windows pools and staleness', async () => {
    await render(mockApi({ getClusters: async () => armClusters() }));
    expect(screen.getByText('Where the new pool goes')).toBeInTheDocument();
    const options = await openList();
    // AKS clusters first, by name; the one ARM does not know last.
    expect(
      options.map(o => within(o).getAllByText(/^aks-/)[0].textContent),
    ).toEqual([
      'aks-neu-modern',
      'aks-weu-batch',
      'aks-weu-legacy',
      'aks-eus-linux',
    ]);
    const [modern, batch, legacy, linux] = options;
    expect(
      within(batch).getByText(
        'Kubernetes 1.33.2 · westeurope · 1 Windows pool',
      ),
    ).toBeInTheDocument();
    expect(
      within(modern).getByText(
        'Kubernetes 1.33.2 · northeurope · 4 Windows pools',
      ),
    ).toBeInTheDocument();
    expect(
      within(legacy).getByText(
        'Kubernetes 1.31.5 · westeurope · 1 Windows pool',
      ),
    ).toBeInTheDocument();
    expect(
      within(legacy).getByText(/^Stale: the last read failed; data from/),
    ).toBeInTheDocument();
    expect(within(modern).queryByText(/Stale/)).toBeNull();
    expect(
      within(linux).getByText(
        'Kubernetes 1.33.2 · location unknown · no Windows pool',
      ),
    ).toBeInTheDocument();
  });

  it('disables clusters that ARM does not know, with the reason', async () => {
    await render(mockApi({ getClusters: async () => armClusters() }));
    const [modern, , , linux] = await openList();
    expect(linux).toHaveAttribute('aria-disabled', 'true');
    expect(
      within(linux).getByText(
        'Cannot be chosen: not an AKS cluster known to ARM',
      ),
    ).toBeInTheDocument();
    expect(modern).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('gives the chosen cluster with what ARM needs to reach it', async () => {
    const onChange = jest.fn();
    await render(mockApi({ getClusters: async () => armClusters() }), {
      onChange,
    });
    const options = await openList();
    await userEvent.click(within(options[2]).getByText('aks-weu-legacy'));
    expect(onChange).toHaveBeenCalledWith({
      name: 'aks-weu-legacy',
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      resourceGroup: 'rg-legacy',
      location: 'westeurope',
      kubernetesVersion: '1.31.5',
      pools: ['system', 'npwin'],
    });
  });

  it('shows the current value and marks RJSF errors', async () => {
    await render(mockApi({ getClusters: async () => armClusters() }), {
      formData: {
        name: 'aks-neu-modern',
        subscriptionId: '00000000-0000-0000-0000-000000000001',
        resourceGroup: 'rg-modern',
      },
      rawErrors: ['something is wrong'],
    });
    const input = await screen.findByRole('textbox');
    expect(input).toHaveValue('aks-neu-modern');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText('Kubernetes 1.33.2 · northeurope · 4 Windows pools'),
    ).toBeInTheDocument();
  });

  it('says when the chosen cluster is gone from the backend', async () => {
    await render(mockApi({ getClusters: async () => armClusters() }), {
      formData: {
        name: 'aks-gone',
        subscriptionId: 's',
        resourceGroup: 'rg',
      },
    });
    expect(
      await screen.findByText(
        'aks-gone is not among the clusters the readiness backend knows',
      ),
    ).toBeInTheDocument();
  });
});
