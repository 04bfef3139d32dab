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
