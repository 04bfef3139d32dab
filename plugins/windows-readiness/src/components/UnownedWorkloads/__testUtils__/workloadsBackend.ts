import type { WorkloadRow } from '@winready/plugin-windows-readiness-common';
import { mockApi } from '../../ReadinessReportPage/__testUtils__/renderWithApi';
import { generateHistory } from '../../ReportTrendChart/__fixtures__';
import { unownedRows, workloadsResponse } from '../__fixtures__';

/** A backend that lists, exports and dates `rows` as the real one does. */
export const workloadsBackend = (rows: WorkloadRow[] = unownedRows) =>
  mockApi({
    getWorkloads: async filters => workloadsResponse(rows, filters),
    getHistory: async query =>
      generateHistory(3, 'unowned', query?.key ?? 'aks-neu-modern'),
    exportWorkloads: async () =>
      new Blob(['cluster\r\n'], { type: 'text/csv' }),
  });
