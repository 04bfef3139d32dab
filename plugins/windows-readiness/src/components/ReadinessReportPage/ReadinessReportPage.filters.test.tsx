import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  reportBackend,
  renderPage,
  servicesTitle,
} from './__testUtils__/reportPage';
import { currentSearch } from './__testUtils__/renderWithApi';

// Whole-page renders in jsdom (material-table, recharts) take seconds.
// jsdom renders thousands of rows: slow on a loaded machine, not a speed target (bench:ui is).
jest.setTimeout(60_000);

describe('ReadinessReportPage filters', () => {
  it('sets the status filter from a tile; back undoes it', async () => {
    const api = reportBackend();
    await renderPage(api);
    expect(await servicesTitle()).toHaveTextContent('Services (20)');
    await userEvent.click(screen.getByTestId('status-tile-blocked'));
    await waitFor(() => expect(currentSearch().get('status')).toBe('blocked'));
    expect(await screen.findByText('Services (5)')).toBeInTheDocument();
    // Filtered in the browser: the report was fetched once, whole.
    expect(api.getReport.mock.calls).toEqual([[{}]]);

    await userEvent.click(screen.getByRole('button', { name: 'browser back' }));
    await waitFor(() => expect(currentSearch().has('status')).toBe(false));
    expect(await screen.findByText('Services (20)')).toBeInTheDocument();
  });

  it('keeps owner, system, cluster and check filters in the URL', async () => {
    const api = reportBackend();
    await renderPage(api);
    await servicesTitle();
    await userEvent.selectOptions(
      screen.getByLabelText('Owner'),
      'group:default/team-office',
    );
    await waitFor(() =>
      expect(currentSearch().get('owner')).toBe('group:default/team-office'),
    );
    expect(await screen.findByText('Services (4)')).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenLastCalledWith({
      dimension: 'owner',
      key: 'group:default/team-office',
    });

    await userEvent.selectOptions(
      screen.getByLabelText('Cluster'),
      'aks-neu-modern',
    );
    await userEvent.selectOptions(
      screen.getByLabelText('System'),
      'system:default/office',
    );
    await userEvent.click(
      screen.getByLabelText('Failing, warning or unknown check'),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'OS is selected' }),
    );
    await waitFor(() =>
      expect(currentSearch().get('check')).toBe('os-selector'),
    );
    expect(await screen.findByText('Services (1)')).toBeInTheDocument();
    expect(currentSearch().toString()).toBe(
      'owner=group%3Adefault%2Fteam-office&system=system%3Adefault%2Foffice&cluster=aks-neu-modern&check=os-selector',
    );
    expect(api.getReport.mock.calls).toEqual([[{}]]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(currentSearch().toString()).toBe(''));
    expect(await screen.findByText('Services (20)')).toBeInTheDocument();
  });

  it('restores the filters of a reloaded URL', async () => {
    const api = reportBackend();
    await renderPage(
      api,
      '/windows-readiness?owner=group:default/team-web&cluster=aks-neu-modern',
    );
    expect(await servicesTitle()).toHaveTextContent('Services (2)');
    expect(screen.getByLabelText('Owner')).toHaveValue(
      'group:default/team-web',
    );
    expect(screen.getByLabelText('Cluster')).toHaveValue('aks-neu-modern');
  });

  it('reads a shared link with a short owner ref as the backend does', async () => {
    await renderPage(reportBackend(), '/windows-readiness?owner=team-web');
    // team-web owns four services: the same as owner=group:default/team-web.
    expect(await servicesTitle()).toHaveTextContent('Services (4)');
  });

  it('filters by owner from the owner table', async () => {
    await renderPage(reportBackend());
    await servicesTitle();
    await userEvent.click(
      screen.getByRole('button', { name: 'Filter by owner team-retail' }),
    );
    await waitFor(() =>
      expect(currentSearch().get('owner')).toBe('group:default/team-retail'),
    );
  });
});
