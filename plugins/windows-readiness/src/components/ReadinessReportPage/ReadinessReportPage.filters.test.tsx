import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  reportBackend,
  renderPage,
  servicesTitle,
} from './__testUtils__/reportPage';
import { currentSearch } from './__testUtils__/renderWithApi';

// Whole-page renders in jsdom (material-table, recharts) take seconds.
jest.setTimeout(20_000);

describe('ReadinessReportPage filters', () => {
  it('sets the status filter from a tile; back undoes it', async () => {
    const api = reportBackend();
    await renderPage(api);
    expect(await servicesTitle()).toHaveTextContent('Services (15)');
    await userEvent.click(screen.getByTestId('status-tile-blocked'));
    await waitFor(() => expect(currentSearch().get('status')).toBe('blocked'));
    expect(await screen.findByText('Services (4)')).toBeInTheDocument();
    expect(api.getReport).toHaveBeenLastCalledWith({ status: ['blocked'] });

    await userEvent.click(screen.getByRole('button', { name: 'browser back' }));
    await waitFor(() => expect(currentSearch().has('status')).toBe(false));
    expect(await screen.findByText('Services (15)')).toBeInTheDocument();
  });

  it('keeps owner, system, cluster and check filters in the URL and the API call', async () => {
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
    expect(await screen.findByText('Services (2)')).toBeInTheDocument();
    expect(api.getReport).toHaveBeenLastCalledWith({
      owner: 'group:default/team-office',
    });
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
    await userEvent.click(screen.getByLabelText('Failing or warning check'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'OS is selected' }),
    );
    await waitFor(() =>
      expect(currentSearch().get('check')).toBe('os-selector'),
    );
    expect(api.getReport).toHaveBeenLastCalledWith({
      owner: 'group:default/team-office',
      system: 'system:default/office',
      cluster: 'aks-neu-modern',
      check: ['os-selector'],
    });
    expect(await screen.findByText('Services (1)')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(currentSearch().toString()).toBe(''));
    expect(await screen.findByText('Services (15)')).toBeInTheDocument();
  });

  it('restores the filters of a reloaded URL', async () => {
    const api = reportBackend();
    await renderPage(
      api,
      '/windows-readiness?owner=group:default/team-web&cluster=aks-neu-modern',
    );
    expect(await servicesTitle()).toHaveTextContent('Services (2)');
    expect(api.getReport).toHaveBeenCalledWith({
      owner: 'group:default/team-web',
      cluster: 'aks-neu-modern',
    });
    expect(screen.getByLabelText('Owner')).toHaveValue(
      'group:default/team-web',
    );
    expect(screen.getByLabelText('Cluster')).toHaveValue('aks-neu-modern');
  });

  it('keeps the filters usable when a filtered request fails', async () => {
    const api = reportBackend();
    const answer = api.getReport.getMockImplementation()!;
    api.getReport.mockImplementation(async filters =>
      filters?.owner
        ? Promise.reject(new Error('owner lookup failed'))
        : answer(filters),
    );
    await renderPage(api);
    await servicesTitle();
    await userEvent.selectOptions(
      screen.getByLabelText('Owner'),
      'group:default/team-web',
    );
    expect(
      (await screen.findAllByText(/owner lookup failed/))[0],
    ).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Owner'), '');
    expect(await screen.findByText('Services (15)')).toBeInTheDocument();
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
