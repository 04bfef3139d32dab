import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  SERVICE_STATUSES,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import {
  demoReport,
  emptyReport,
  generateReport,
} from './__fixtures__/generateReport';
import { captureDownloads } from './__testUtils__/downloads';
import {
  reportBackend,
  renderPage,
  serviceRows,
  servicesTitle,
} from './__testUtils__/reportPage';
import { currentSearch, mockApi } from './__testUtils__/renderWithApi';
import { SERVICES_PAGE_SIZE } from './ServicesTable';
import { osSkusFor } from '../OsSkuPicker/__fixtures__';
import { npwanTaintWhatIf } from '../TaintWhatIf/__fixtures__';

// Whole-page renders in jsdom (material-table, recharts) take seconds.
// jsdom renders thousands of rows: slow on a loaded machine, not a speed target (bench:ui is).
jest.setTimeout(60_000);

describe('ReadinessReportPage', () => {
  it('shows progress while loading', async () => {
    await renderPage(mockApi({ getReport: () => new Promise(() => {}) }));
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    const api = mockApi({
      getReport: async () => {
        throw new Error('report is down');
      },
    });
    await renderPage(api);
    expect(
      (await screen.findAllByText(/report is down/))[0],
    ).toBeInTheDocument();
  });

  it('says when no service was evaluated', async () => {
    await renderPage(reportBackend(emptyReport));
    expect(
      await screen.findByText('No service evaluated yet'),
    ).toBeInTheDocument();
  });

  it.each(SERVICE_STATUSES.map(s => [s]))(
    'opens a shared link filtered on %s',
    async (status: ServiceStatus) => {
      const api = reportBackend();
      await renderPage(api, `/windows-readiness?status=${status}`);
      expect(await servicesTitle()).toHaveTextContent(
        `Services (${demoReport.summary.byStatus[status]})`,
      );
      expect(api.getReport.mock.calls).toEqual([[{}]]);
      for (const row of serviceRows()) {
        expect(
          within(row).getByTestId(`status-chip-${status}`),
        ).toBeInTheDocument();
      }
      expect(screen.getByTestId(`status-tile-${status}`)).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      // The tiles keep counting every status.
      expect(screen.getByTestId('status-tile-all')).toHaveTextContent('20');
    },
  );

  it('exports with the current filters', async () => {
    const capture = captureDownloads();
    try {
      const api = reportBackend();
      await renderPage(
        api,
        '/windows-readiness?status=blocked,at-risk&cluster=aks-weu-legacy',
      );
      await servicesTitle();
      await userEvent.click(
        screen.getByRole('button', { name: 'Export JSON' }),
      );
      await waitFor(() => expect(capture.downloads).toHaveLength(1));
      expect(api.exportReport).toHaveBeenCalledWith(
        { cluster: 'aks-weu-legacy', status: ['blocked', 'at-risk'] },
        'json',
      );
      expect(capture.downloads[0].download).toBe(
        'windows-readiness-2026-11-27.json',
      );
    } finally {
      capture.restore();
    }
  });

  it('renders one page of rows of a 5,000-service report', async () => {
    await renderPage(reportBackend(generateReport(5000)));
    expect(await servicesTitle()).toHaveTextContent('Services (5,000)');
    const table = screen.getByText('Summary').closest('table')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(SERVICES_PAGE_SIZE);
    expect(serviceRows()).toHaveLength(SERVICES_PAGE_SIZE);
    expect(screen.getByTestId('status-tile-blocked')).toHaveTextContent(
      '1,000',
    );
  });

  it('shows the trend and the retirement calendar', async () => {
    await renderPage(reportBackend());
    expect(await screen.findByTestId('trend-summary')).toBeInTheDocument();
    expect(await screen.findAllByTestId('retirement-entry')).toHaveLength(3);
  });

  it('switches to the node pools tab, kept in the URL', async () => {
    const api = reportBackend();
    await renderPage(api);
    await servicesTitle();
    await userEvent.click(screen.getByRole('tab', { name: 'Node pools' }));
    await waitFor(() => expect(currentSearch().get('view')).toBe('pools'));
    expect(
      await screen.findByTestId('cluster-aks-weu-legacy'),
    ).toBeInTheDocument();
  });

  it('opens the node pools on the cluster a taint what-if link names, and runs it', async () => {
    const api = reportBackend();
    api.getOsSkus.mockResolvedValue(osSkusFor());
    api.whatIfTaint.mockResolvedValue(npwanTaintWhatIf);
    await renderPage(
      api,
      '/windows-readiness?view=pools&cluster=aks-neu-modern&pool=npwan&addTaint=os%3Dwindows%3ANoSchedule',
    );
    expect(
      await screen.findByText(
        'If aks-neu-modern/npwan gets the taint os=windows:NoSchedule',
      ),
    ).toBeInTheDocument();
    expect(api.whatIfTaint.mock.calls).toEqual([
      [
        {
          cluster: 'aks-neu-modern',
          pool: 'npwan',
          addTaint: 'os=windows:NoSchedule',
        },
      ],
    ]);
    expect(screen.queryByTestId('cluster-aks-weu-legacy')).toBeNull();
  });
});
