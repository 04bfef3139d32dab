import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DEMO_NOW } from '../NodePoolsView/__fixtures__';
import { workloadsBackend } from '../UnownedWorkloads/__testUtils__/workloadsBackend';
import { currentSearch, renderWithApi } from './__testUtils__/renderWithApi';
import { ReadinessReportPage } from './ReadinessReportPage';

jest.setTimeout(30_000);

const TAB = { name: 'Workloads without a catalog entity' };

async function renderReportPage(
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const api = workloadsBackend();
  // The services view stays loading: this is about the tab.
  api.getReport.mockImplementation(() => new Promise(() => {}));
  await renderWithApi(<ReadinessReportPage now={DEMO_NOW} />, api, {
    permission,
  });
}

describe('the report page with the workloads tab', () => {
  it('offers the tab to holders of report read, and keeps it in the URL', async () => {
    await renderReportPage(AuthorizeResult.ALLOW);
    await userEvent.click(await screen.findByRole('tab', TAB));
    await waitFor(() => expect(currentSearch().get('view')).toBe('workloads'));
    expect(await screen.findByText(/^Workloads \(/)).toHaveTextContent(
      'Workloads (4)',
    );
  });

  it('offers no tab to others', async () => {
    await renderReportPage(AuthorizeResult.DENY);
    expect(
      await screen.findByRole('tab', { name: 'Node pools' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('tab', TAB)).toBeNull());
  });
});
