import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  ClustersResponse,
  EntityReadinessResponse,
  HistoryResponse,
  OsSkusResponse,
  ReportResponse,
  StatusResponse,
  TaintWhatIfRequest,
  TaintWhatIfResponse,
  WhatIfResponse,
  WorkloadsQuery,
  WorkloadsResponse,
} from '@winready/plugin-windows-readiness-common';
import type {
  ReportFilters,
  WindowsReadinessApi,
  WorkloadFilters,
} from './WindowsReadinessApi';

function reportParams(filters: ReportFilters = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.system) params.set('system', filters.system);
  if (filters.cluster) params.set('cluster', filters.cluster);
  if (filters.status?.length) params.set('status', filters.status.join(','));
  if (filters.check?.length) params.set('check', filters.check.join(','));
  return params;
}

/** `GET /v1/workloads` parameters: lists joined by commas, as for the report. */
function workloadParams(
  query: WorkloadFilters & Pick<WorkloadsQuery, 'offset' | 'limit'> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['cluster', 'namespace', 'owner', 'q'] as const) {
    const value = query[key]?.trim();
    if (value) params.set(key, value);
  }
  if (query.status?.length) params.set('status', query.status.join(','));
  if (query.check?.length) params.set('check', query.check.join(','));
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  return params;
}

const JSON_BODY = { 'Content-Type': 'application/json' };

/** Talks to `/api/windows-readiness` with the signed-in user's token (fetchApi). */
export class WindowsReadinessClient implements WindowsReadinessApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.deps.discoveryApi.getBaseUrl('windows-readiness');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`, init);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await this.request(path, init)).json();
  }

  getEntity(entityRef: string) {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const parts = [namespace, kind, name].map(encodeURIComponent).join('/');
    return this.json<EntityReadinessResponse>(`/v1/entities/${parts}`);
  }

  getReport(filters?: ReportFilters) {
    const query = reportParams(filters).toString();
    return this.json<ReportResponse>(`/v1/report${query ? `?${query}` : ''}`);
  }

  async exportReport(filters: ReportFilters, format: 'csv' | 'json') {
    const params = reportParams(filters);
    params.set('format', format);
    return (await this.request(`/v1/report?${params}`)).blob();
  }

  getHistory(query: Record<string, string | undefined> = {}) {
    const params = new URLSearchParams(
      Object.entries(query).filter(([, v]) => v !== undefined) as [
        string,
        string,
      ][],
    ).toString();
    return this.json<HistoryResponse>(
      `/v1/history${params ? `?${params}` : ''}`,
    );
  }

  getClusters() {
    return this.json<ClustersResponse>('/v1/clusters');
  }

  getOsSkus(cluster?: string) {
    const query = cluster ? `?${new URLSearchParams({ cluster })}` : '';
    return this.json<OsSkusResponse>(`/v1/os-skus${query}`);
  }

  whatIf(request: { cluster: string; pool: string; osSku: string }) {
    return this.json<WhatIfResponse>('/v1/what-if', {
      method: 'POST',
      headers: JSON_BODY,
      body: JSON.stringify(request),
    });
  }

  whatIfTaint(request: TaintWhatIfRequest) {
    // Only the fields of the contract: the backend refuses both changes at once.
    const { cluster, pool, addTaint, removeTaint } = request;
    return this.json<TaintWhatIfResponse>('/v1/what-if', {
      method: 'POST',
      headers: JSON_BODY,
      body: JSON.stringify({ cluster, pool, addTaint, removeTaint }),
    });
  }

  getWorkloads(
    query?: WorkloadFilters & Pick<WorkloadsQuery, 'offset' | 'limit'>,
  ) {
    const params = workloadParams(query).toString();
    return this.json<WorkloadsResponse>(
      `/v1/workloads${params ? `?${params}` : ''}`,
    );
  }

  async exportWorkloads(filters: WorkloadFilters, format: 'csv' | 'json') {
    const params = workloadParams(filters);
    params.set('format', format);
    return (await this.request(`/v1/workloads?${params}`)).blob();
  }

  async refresh() {
    await this.request('/v1/refresh', { method: 'POST' });
  }

  getStatus() {
    return this.json<StatusResponse>('/v1/status');
  }
}
