import { WindowsReadinessClient } from './WindowsReadinessClient';

function client(body: unknown = { items: [] }) {
  const fetch = jest.fn(
    async (_url: string) =>
      ({ ok: true, json: async () => body } as unknown as Response),
  );
  const api = new WindowsReadinessClient({
    discoveryApi: {
      getBaseUrl: async id => `http://localhost:7007/api/${id}`,
    },
    fetchApi: { fetch: fetch as any },
  });
  return { api, fetch };
}

describe('WindowsReadinessClient.getOsSkus', () => {
  it('asks about one cluster', async () => {
    const body = { items: [], cluster: { name: 'aks neu/1' } };
    const { api, fetch } = client(body);
    await expect(api.getOsSkus('aks neu/1')).resolves.toEqual(body);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/windows-readiness/v1/os-skus?cluster=aks+neu%2F1',
      undefined,
    );
  });

  it('asks without a cluster', async () => {
    const { api, fetch } = client();
    await api.getOsSkus();
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/windows-readiness/v1/os-skus',
      undefined,
    );
  });
});

describe('WindowsReadinessClient.whatIfTaint', () => {
  it.each([
    [
      {
        cluster: 'aks-neu-modern',
        pool: 'npwan',
        addTaint: 'os=windows:NoSchedule',
      },
    ],
    [{ cluster: 'aks-neu-modern', pool: 'npw22', removeTaint: 'os' }],
  ])('posts %j as JSON to /v1/what-if', async request => {
    const body = { cluster: request.cluster, impacted: [] };
    const { api, fetch } = client(body);
    await expect(api.whatIfTaint(request)).resolves.toEqual(body);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://localhost:7007/api/windows-readiness/v1/what-if');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init.body as string)).toEqual(request);
  });

  it("rejects with the backend's message on a 400", async () => {
    const fetch = jest.fn(
      async () =>
        new Response(
          // The shape of every Backstage backend error.
          JSON.stringify({
            error: { name: 'InputError', message: 'bad taint "os"' },
            request: { method: 'POST', url: '/v1/what-if' },
            response: { statusCode: 400 },
          }),
          { status: 400, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    const api = new WindowsReadinessClient({
      discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
      fetchApi: { fetch: fetch as any },
    });
    const error = await api
      .whatIfTaint({ cluster: 'c', pool: 'p', addTaint: 'os' })
      .catch(e => e);
    expect(error.name).toBe('ResponseError');
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toBe('bad taint "os"');
  });
});

describe('WindowsReadinessClient workloads', () => {
  const BASE = 'http://localhost:7007/api/windows-readiness/v1/workloads';

  it.each<
    [string, Parameters<WindowsReadinessClient['getWorkloads']>[0], string]
  >([
    ['no filter', undefined, ''],
    [
      'text filters, trimmed, empty ones left out',
      { cluster: 'aks neu', namespace: ' monitoring ', owner: '', q: 'fluent' },
      '?cluster=aks+neu&namespace=monitoring&q=fluent',
    ],
    [
      'statuses and checks, by commas',
      { status: ['blocked', 'at-risk'], check: ['taint-toleration'] },
      '?status=blocked%2Cat-risk&check=taint-toleration',
    ],
    ['a page', { offset: 100, limit: 50 }, '?offset=100&limit=50'],
  ])('lists %s', async (_what, query, search) => {
    const body = { total: 0, offset: 0, items: [], byStatus: {} };
    const { api, fetch } = client(body);
    await expect(api.getWorkloads(query)).resolves.toEqual(body);
    expect(fetch).toHaveBeenCalledWith(`${BASE}${search}`, undefined);
  });

  it.each(['csv', 'json'] as const)(
    'exports %s with the filters',
    async format => {
      const blob = new Blob(['cluster,namespace\r\n'], { type: 'text/csv' });
      const fetch = jest.fn(
        async (_url: string) =>
          ({ ok: true, blob: async () => blob } as unknown as Response),
      );
      const api = new WindowsReadinessClient({
        discoveryApi: {
          getBaseUrl: async id => `http://localhost:7007/api/${id}`,
        },
        fetchApi: { fetch: fetch as any },
      });
      await expect(
        api.exportWorkloads(
          { cluster: 'aks-neu-modern', status: ['blocked'] },
          format,
        ),
      ).resolves.toBe(blob);
      expect(fetch).toHaveBeenCalledWith(
        `${BASE}?cluster=aks-neu-modern&status=blocked&format=${format}`,
        undefined,
      );
    },
  );
});
