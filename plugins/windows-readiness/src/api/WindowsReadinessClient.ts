import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { ReportFilters, WindowsReadinessApi } from './WindowsReadinessApi';

function reportParams(filters: ReportFilters = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.system) params.set('system', filters.system);
  if (filters.cluster) params.set('cluster', filters.cluster);
  if (filters.status?.length) params.set('status', filters.status.join(','));
  if (filters.check?.length) params.set('check', filters.check.join(','));
  return params;
}

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
    return this.json<any>(`/v1/entities/${parts}`);
  }

  getReport(filters?: ReportFilters) {
    const query = reportParams(filters).toString();
    return this.json<any>(`/v1/report${query ? `?${query}` : ''}`);
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
    return this.json<any>(`/v1/history${params ? `?${params}` : ''}`);
  }

  getClusters() {
    return this.json<any>('/v1/clusters');
  }

  getOsSkus(cluster?: string) {
    const query = cluster ? `?${new URLSearchParams({ cluster })}` : '';
    return this.json<any>(`/v1/os-skus${query}`);
  }

  whatIf(request: { cluster: string; pool: string; osSku: string }) {
    return this.json<any>('/v1/what-if', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async refresh() {
    await this.request('/v1/refresh', { method: 'POST' });
  }

  getStatus() {
    return this.json<any>('/v1/status');
  }
}
