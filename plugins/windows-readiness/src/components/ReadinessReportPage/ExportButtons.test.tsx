import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReportFilters } from '../../api';
import { captureDownloads } from './__testUtils__/downloads';
import { mockApi, renderWithApi } from './__testUtils__/renderWithApi';
import { ExportButtons, exportFileName } from './ExportButtons';

const NOW = new Date('2026-11-27T23:30:00Z');

describe('ExportButtons', () => {
  let capture: ReturnType<typeof captureDownloads>;
  beforeEach(() => {
    capture = captureDownloads();
  });
  afterEach(() => capture.restore());

  it.each([
    ['csv', 'Export CSV', 'text/csv'],
    ['json', 'Export JSON', 'application/json'],
  ] as const)(
    'downloads the %s of the current filters',
    async (format, button, type) => {
      const blob = new Blob(['x'], { type });
      const api = mockApi({ exportReport: async () => blob });
      const filters: ReportFilters = {
        owner: 'group:default/team-web',
        status: ['blocked', 'at-risk'],
        check: ['os-sku-lifecycle'],
      };
      await renderWithApi(
        <ExportButtons filters={filters} now={() => NOW} />,
        api,
      );
      await userEvent.click(screen.getByRole('button', { name: button }));
      await waitFor(() => expect(capture.downloads).toHaveLength(1));
      expect(api.exportReport).toHaveBeenCalledWith(filters, format);
      expect(capture.downloads[0]).toEqual({
        href: 'blob:test/0',
        download: `windows-readiness-2026-11-27.${format}`,
        blob,
      });
      await waitFor(() =>
        expect(capture.revokeObjectURL).toHaveBeenCalledWith('blob:test/0'),
      );
      expect(document.querySelector('a[download]')).toBeNull();
    },
  );

  it('says when the export fails and downloads nothing', async () => {
    const api = mockApi({
      exportReport: async () => {
        throw new Error('403 Forbidden');
      },
    });
    await renderWithApi(<ExportButtons filters={{}} />, api);
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Export failed: 403 Forbidden',
    );
    expect(capture.downloads).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });

  it('names files by UTC date', () => {
    expect(exportFileName('json', new Date('2027-01-02T00:00:00Z'))).toBe(
      'windows-readiness-2027-01-02.json',
    );
  });
});
