import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ClustersResponse,
  EntityReadinessResponse,
  HistoryDimension,
  HistoryResponse,
  ReportResponse,
  ServiceStatus,
  StatusResponse,
  WhatIfResponse,
} from '@winready/plugin-windows-readiness-common';

/** Filters of the org-wide report; they live in the page URL. */
export interface ReportFilters {
  owner?: string;
  system?: string;
  cluster?: string;
  status?: ServiceStatus[];
  check?: string[];
}

/** The windows-readiness backend, as the frontend uses it. */
export interface WindowsReadinessApi {
  getEntity(entityRef: string): Promise<EntityReadinessResponse>;
  getReport(filters?: ReportFilters): Promise<ReportResponse>;
  /** A URL-less download: the CSV or JSON body of the filtered report. */
  exportReport(filters: ReportFilters, format: 'csv' | 'json'): Promise<Blob>;
  getHistory(query?: {
    dimension?: HistoryDimension;
    key?: string;
    from?: string;
    to?: string;
  }): Promise<HistoryResponse>;
  getClusters(): Promise<ClustersResponse>;
  whatIf(request: {
    cluster: string;
    pool: string;
    osSku: string;
  }): Promise<WhatIfResponse>;
  refresh(): Promise<void>;
  getStatus(): Promise<StatusResponse>;
}

export const windowsReadinessApiRef = createApiRef<WindowsReadinessApi>({
  id: 'plugin.windows-readiness.service',
});
