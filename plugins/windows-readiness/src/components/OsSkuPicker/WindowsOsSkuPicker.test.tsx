import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { windowsReadinessApiRef } from '../../api';
import { mockApi } from '../ReadinessReportPage/__testUtils__/renderWithApi';
import { fieldProps } from '../common/__testUtils__/fieldProps';
import { WindowsOsSkuPicker } from './WindowsOsSkuPicker';
import { osSkusFor } from './__fixtures__';

type Props = Parameters<typeof fieldProps<string>>[0];

const withCluster = (name?: string) => ({
  formData: {
    name: 'np-win',
    ...(name
      ? { cluster: { name, subscriptionId: 's', resourceGroup: 'rg' } }
      : {}),
  },
});

function render(api: ReturnType<typeof mockApi>, props: Props = {}) {
  const all = fieldProps<string>({ name: 'osSku', title: 'OS SKU', ...props });
  return renderInTestApp(
    <TestApiProvider apis={[[windowsReadinessApiRef, api]]}>
      <WindowsOsSkuPicker {...all} />
    </TestApiProvider>,
  );
}

const skusApi = () => mockApi({ getOsSkus: async c => osSkusFor(c) });

async function openList() {
  await userEvent.click(await screen.findByRole('button', { name: /OS SKU/ }));
  return screen.getAllByRole('option');
}

describe('WindowsOsSkuPicker', () => {
  it('shows progress while the OS SKUs load', async () => {
    await render(mockApi({ getOsSkus: () => new Promise(() => {}) }));
    expect(screen.getByText('Loading the OS SKUs…')).toBeInTheDocument();
    expect(screen.getByTestId('picker-progress')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    await render(
      mockApi({
        getOsSkus: async () => {
          throw new Error('no snapshot yet');
        },
      }),
    );
    expect(
      await screen.findByText('Could not load the OS SKUs: no snapshot yet'),
    ).toBeInTheDocument();
  });

  it('says when the backend knows no Windows OS SKU', async () => {
    const linuxOnly = osSkusFor();
    linuxOnly.items = linuxOnly.items.filter(i => i.osType === 'Linux');
    await render(mockApi({ getOsSkus: async () => linuxOnly }));
    expect(
      await screen.findByText('The readiness backend knows no Windows OS SKU'),
    ).toBeInTheDocument();
  });

  it('asks the backend about the cluster chosen earlier in the form', async () => {
    const api = skusApi();
    await render(api, { formContext: withCluster('aks-neu-modern') });
    await screen.findByRole('button', { name: /OS SKU/ });
    expect(api.getOsSkus).toHaveBeenCalledWith('aks-neu-modern');
  });

  it('reads the cluster from the field that ui:options.clusterField names', async () => {
    const api = skusApi();
    await render(api, {
      uiSchema: { 'ui:options': { clusterField: 'target' } },
      formContext: {
        formData: { target: { name: 'aks-weu-legacy' }, cluster: 'nope' },
      },
    });
    await screen.findByRole('button', { name: /OS SKU/ });
    expect(api.getOsSkus).toHaveBeenCalledWith('aks-weu-legacy');
  });

  it('lists the Windows OS SKUs with build, fitting services, lifecycle and refusals', async () => {
    await render(skusApi(), { formContext: withCluster('aks-neu-modern') });
    const options = await openList();
    expect(options).toHaveLength(3); // Ubuntu2204 is not offered
    const [w2019, w2022, w2025] = options;
    expect(
      within(w2022).getByText('Windows2022 · 10.0.20348 (Windows Server 2022)'),
    ).toBeInTheDocument();
    expect(
      within(w2022).getByText('2 of 6 services can run (3 cannot, 1 unknown)'),
    ).toBeInTheDocument();
    expect(
      within(w2022).getByText('Cannot run: orders, orders-legacy, reports-job'),
    ).toBeInTheDocument();
    expect(
      within(w2022).getByText(
        /^Retires 2027-03-15; node images deleted on 2028-04-01, successor Windows2025$/,
      ),
    ).toBeInTheDocument();
    expect(
      within(w2025).getByText(
        'Cannot run: catalog-web, orders, orders-legacy and 2 more',
      ),
    ).toBeInTheDocument();
    expect(
      within(w2019).getByText('3 of 4 services can run (1 cannot)'),
    ).toBeInTheDocument();
    expect(w2019).toHaveAttribute('aria-disabled', 'true');
    expect(
      within(w2019).getByText(
        'Not allowed on Kubernetes 1.33 (AKS runs it on 1.14 to 1.32)',
      ),
    ).toBeInTheDocument();
    expect(w2022).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('gives the chosen OS SKU', async () => {
    const onChange = jest.fn();
    await render(skusApi(), {
      formContext: withCluster('aks-neu-modern'),
      onChange,
    });
    const options = await openList();
    await userEvent.click(options[1]);
    expect(onChange).toHaveBeenCalledWith('Windows2022');
  });

  it('asks again when the chosen cluster changes', async () => {
    const api = skusApi();
    function Form() {
      const [cluster, setCluster] = useState('aks-neu-modern');
      return (
        <>
          <button type="button" onClick={() => setCluster('aks-weu-legacy')}>
            back to the first step
          </button>
          <WindowsOsSkuPicker
            {...fieldProps<string>({
              title: 'OS SKU',
              formContext: withCluster(cluster),
            })}
          />
        </>
      );
    }
    await renderInTestApp(
      <TestApiProvider apis={[[windowsReadinessApiRef, api]]}>
        <Form />
      </TestApiProvider>,
    );
    let options = await openList();
    expect(options[0]).toHaveAttribute('aria-disabled', 'true');
    await userEvent.keyboard('{Escape}');
    await userEvent.click(screen.getByText('back to the first step'));
    options = await openList();
    expect(api.getOsSkus.mock.calls).toEqual([
      ['aks-neu-modern'],
      ['aks-weu-legacy'],
    ]);
    // On 1.31 Windows2019 is refused for its retirement, not its version,
    // and Windows2025 is not allowed yet.
    expect(
      within(options[0]).getByText(
        'Retired on 2026-03-01: AKS creates no new pools of it',
      ),
    ).toBeInTheDocument();
    expect(
      within(options[2]).getByText(
        'Not allowed on Kubernetes 1.31 (AKS runs it on 1.32 and later)',
      ),
    ).toBeInTheDocument();
  });

  it('lists without version verdicts and says why when no cluster is chosen yet', async () => {
    const api = skusApi();
    await render(api);
    const options = await openList();
    expect(api.getOsSkus).toHaveBeenCalledWith(undefined);
    // Only a retirement refuses a SKU before the cluster is known.
    expect(
      options
        .filter(o => o.getAttribute('aria-disabled') === 'true')
        .map(o => o.getAttribute('data-value')),
    ).toEqual(['Windows2019']);
    await userEvent.keyboard('{Escape}');
    expect(
      screen.getByText(
        'Choose a cluster first to see which OS SKUs its Kubernetes version allows',
      ),
    ).toBeInTheDocument();
  });

  it('shows the current value, and why it is refused after a cluster change', async () => {
    await render(skusApi(), {
      formData: 'Windows2019',
      formContext: withCluster('aks-neu-modern'),
    });
    const button = await screen.findByRole('button', { name: /OS SKU/ });
    expect(button).toHaveTextContent(
      'Windows2019 · 10.0.17763 (Windows Server 2019)',
    );
    expect(
      screen.getByText(
        'Not allowed on Kubernetes 1.33 (AKS runs it on 1.14 to 1.32)',
      ),
    ).toBeInTheDocument();
  });

  it('marks RJSF errors', async () => {
    await render(skusApi(), {
      rawErrors: ['is a required property'],
      formContext: withCluster('aks-neu-modern'),
    });
    await screen.findByRole('button', { name: /OS SKU/ });
    expect(document.querySelector('.Mui-error')).not.toBeNull();
  });
});
