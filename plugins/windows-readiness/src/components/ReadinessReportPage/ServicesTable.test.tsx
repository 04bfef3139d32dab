import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  SERVICE_STATUSES,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import { mockApi, renderWithApi } from './__testUtils__/renderWithApi';
import {
  demoReport,
  generateReport,
  reportWithStatus,
} from './__fixtures__/generateReport';
import { SERVICES_PAGE_SIZE, ServicesTable } from './ServicesTable';

// The first material-table render of a file is slow in jsdom.
// jsdom renders thousands of rows: slow on a loaded machine, not a speed target (bench:ui is).
jest.setTimeout(60_000);

/** Rows of services in the DOM (not the header, not the empty message). */
const serviceRows = () =>
  screen
    .getAllByRole('row')
    .filter(row => within(row).queryAllByTestId(/^status-chip-/).length);

describe('ServicesTable', () => {
  it('renders one page of a 5,000-service report', async () => {
    const report = generateReport(5000);
    const { container } = await renderWithApi(
      <ServicesTable rows={report.items} />,
      mockApi(),
    );
    expect(screen.getByText('Services (5,000)')).toBeInTheDocument();
    expect(container.querySelectorAll('tbody tr')).toHaveLength(
      SERVICES_PAGE_SIZE,
    );
    expect(serviceRows()).toHaveLength(SERVICES_PAGE_SIZE);
    expect(screen.getAllByRole('link').length).toBeLessThan(
      SERVICES_PAGE_SIZE * 4,
    );
    // Blocked services first.
    expect(
      within(serviceRows()[0]).getByTestId('status-chip-blocked'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getAllByRole('button', { name: /next page/i })[0],
    );
    expect(serviceRows()).toHaveLength(SERVICES_PAGE_SIZE);
  });

  it.each(SERVICE_STATUSES.map(s => [s]))(
    'shows %s services with their chip, owner and checks',
    async (status: ServiceStatus) => {
      const report = reportWithStatus(status);
      await renderWithApi(<ServicesTable rows={report.items} />, mockApi());
      const rows = serviceRows();
      expect(rows).toHaveLength(report.items.length);
      for (const row of rows) {
        expect(
          within(row).getByTestId(`status-chip-${status}`),
        ).toBeInTheDocument();
      }
      const first = report.items[0];
      expect(screen.getAllByText(first.title)[0].closest('a')).toHaveAttribute(
        'href',
        `/catalog/default/component/${first.title}`,
      );
    },
  );

  it('names the failing and warning checks by title', async () => {
    const report = reportWithStatus('blocked');
    await renderWithApi(<ServicesTable rows={report.items} />, mockApi());
    const row = serviceRows().find(r => within(r).queryByText('fax-gateway'))!;
    expect(within(row).getByTitle('os-selector')).toHaveTextContent(
      'OS is selected',
    );
    expect(within(row).getByTitle('os-sku-lifecycle')).toBeInTheDocument();
  });

  it('names the checks that cannot tell, with their reasons (docs/rules.md rule 8)', async () => {
    const report = reportWithStatus('unknown');
    await renderWithApi(<ServicesTable rows={report.items} />, mockApi());
    expect(
      screen.getByRole('columnheader', { name: 'Cannot tell' }),
    ).toBeInTheDocument();
    const row = serviceRows().find(r => within(r).queryByText('billing-api'))!;
    const cell = within(row).getByTitle(
      /^Cannot tell whether the images start on win: the registry has not described winreadydemo\.azurecr\.io\/billing\/api:7\.3\. To settle it: check the registry's credentials/,
    );
    expect(cell).toHaveTextContent('Image fits the Windows build');
    // With nothing failing or warning, the summary says why it cannot tell.
    expect(
      within(row).getByText(/^image-os-build: Cannot tell whether/),
    ).toBeInTheDocument();
  });

  it('sorts by status on a header click', async () => {
    await renderWithApi(<ServicesTable rows={demoReport.items} />, mockApi());
    await userEvent.click(screen.getAllByRole('button', { name: 'Status' })[0]);
    const first = serviceRows()[0];
    expect(
      within(first).queryByTestId('status-chip-not-applicable'),
    ).toBeInTheDocument();
  });

  it('says when no service matches', async () => {
    await renderWithApi(<ServicesTable rows={[]} />, mockApi());
    expect(
      screen.getByText('No service matches these filters.'),
    ).toBeInTheDocument();
  });
});

describe('ServicesTable search', () => {
  it('counts what the search box finds in its title', async () => {
    const report = demoReport;
    await renderWithApi(<ServicesTable rows={report.items} />, mockApi());
    const total = report.items.length;
    expect(screen.getByText(`Services (${total})`)).toBeInTheDocument();
    await userEvent.type(screen.getByPlaceholderText('Filter'), 'team-office');
    const office = report.items.filter(row =>
      row.owner?.endsWith('team-office'),
    );
    expect(office.length).toBeGreaterThan(0);
    expect(
      await screen.findByText(`Services (${office.length} of ${total})`),
    ).toBeInTheDocument();
    // The table filters after its debounce.
    await waitFor(() => expect(serviceRows()).toHaveLength(office.length), {
      timeout: 30_000,
    });
  });

  it.each([
    ['a check title', 'Image fits the Windows build'],
    ['a check id', 'image-os-build'],
    ['a status', 'Blocked'],
    ['a cluster', 'aks-weu-legacy'],
  ])('finds the same rows as it counts, by %s', async (_what, text) => {
    const report = demoReport;
    await renderWithApi(<ServicesTable rows={report.items} />, mockApi());
    await userEvent.type(screen.getByPlaceholderText('Filter'), text);
    const title = await screen.findByText(/^Services \(\d+ of \d+\)$/);
    const shown = Number(/\((\d+) of/.exec(title.textContent!)![1]);
    expect(shown).toBeGreaterThan(0);
    await waitFor(() => expect(serviceRows()).toHaveLength(shown), {
      timeout: 30_000,
    });
  });
});
