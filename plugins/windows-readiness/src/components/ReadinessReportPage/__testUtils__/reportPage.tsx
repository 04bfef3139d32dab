import { screen, within } from '@testing-library/react';
import {
  reportRowFilter,
  type ReportResponse,
} from '@winready/plugin-windows-readiness-common';
import type { ReportFilters } from '../../../api';
import { DEMO_NOW, demoClusters } from '../../NodePoolsView/__fixtures__';
import { generateHistory } from '../../ReportTrendChart/__fixtures__';
import { demoReport, summarise } from '../__fixtures__/generateReport';
import { ReadinessReportPage } from '../ReadinessReportPage';
import { mockApi, renderWithApi, type MockApi } from './renderWithApi';

/** A backend that filters `source` as the real one does. */
export function reportBackend(source: ReportResponse = demoReport): MockApi {
  return mockApi({
    getReport: async (filters: ReportFilters = {}) => {
      const items = source.items.filter(reportRowFilter(filters));
      return {
        ...source,
        total: items.length,
        items,
        summary: summarise(items),
      };
    },
    getHistory: async () => generateHistory(7),
    getClusters: async () => demoClusters,
    exportReport: async () => new Blob(['entity\r\n'], { type: 'text/csv' }),
  });
}

/** The page at `route`, dated like the demo. */
export const renderPage = (api: MockApi, route = '/windows-readiness') =>
  renderWithApi(<ReadinessReportPage now={DEMO_NOW} />, api, { route });

/** Rows of the services table (the tiles carry status chips too). */
export const serviceRows = () =>
  screen
    .getAllByRole('row')
    .filter(row => within(row).queryAllByTestId(/^status-chip-/).length)
    .filter(row => row.closest('[aria-label="Services by status"]') === null);

export const servicesTitle = () => screen.findByText(/^Services \(/);
