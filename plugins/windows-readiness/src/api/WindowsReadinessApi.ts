import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ClustersResponse,
  EntityReadinessResponse,
  HistoryDimension,
  HistoryResponse,
  OsSkusResponse,
  ReportResponse,
  ServiceStatus,
  StatusResponse,
  TaintWhatIfRequest,
  TaintWhatIfResponse,
  WhatIfResponse,
  WorkloadsQuery,
  WorkloadsResponse,
} from '@winready/plugin-windows-readiness-common';

/** Filters of the org-wide report; they live in the page URL. */
export interface ReportFilters {
  owner?: string;
  system?: string;
  cluster?: string;
  status?: ServiceStatus[];
  check?: string[];
}

/**
 * The filters of `GET /v1/workloads`, statuses and checks as lists (the
 * client joins them with commas, as for the report).
 */
export type WorkloadFilters = Omit<
  WorkloadsQuery,
  'format' | 'offset' | 'limit' | 'status' | 'check'
> & {
  status?: ServiceStatus[];
  check?: string[];
};

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
  /**
   * The OS SKUs a new pool could run, each with how many of the
   * organisation's Windows services it can start; with a cluster, whether AKS
   * allows the SKU on that cluster's Kubernetes version.
   */
  getOsSkus(cluster?: string): Promise<OsSkusResponse>;
  whatIf(request: {
    cluster: string;
    pool: string;
    osSku: string;
  }): Promise<WhatIfResponse>;
  /**
   * Which workloads lose the pool, lose every pool or may start landing on it
   * if the pool gets (`addTaint`) or loses (`removeTaint`) a taint.
   */
  whatIfTaint(request: TaintWhatIfRequest): Promise<TaintWhatIfResponse>;
  /**
   * The workloads that no catalog entity maps to, with their verdicts. Needs
   * `windows-readiness.report.read` (403 otherwise).
   */
  getWorkloads(
    query?: WorkloadFilters & Pick<WorkloadsQuery, 'offset' | 'limit'>,
  ): Promise<WorkloadsResponse>;
  /**
   * A URL-less download, as `exportReport`: the CSV or JSON body of the
   * filtered workloads (a bare URL would lack the user's token).
   */
  exportWorkloads(
    filters: WorkloadFilters,
    format: 'csv' | 'json',
  ): Promise<Blob>;
  refresh(): Promise<void>;
  getStatus(): Promise<StatusResponse>;
}

export const windowsReadinessApiRef = createApiRef<WindowsReadinessApi>({
  id: 'plugin.windows-readiness.service',
});
