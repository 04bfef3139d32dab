/**
 * GET /v1/os-skus: what a new Windows pool of each OS SKU could run, for the
 * scaffolder's OS SKU picker, over the demo fleet collected from the simulator.
 */
import request from 'supertest';
import { API, asUser, get } from '../__testUtils__/harness';
import {
  OLIVIA,
  OSCAR,
  conditionalCatalog,
  denying,
  usePermissionsBackend,
} from '../__testUtils__/permissions';

jest.setTimeout(60_000);

const ctx = usePermissionsBackend();
const ref = (name: string) => `component:default/${name}`;
const sku = (body: any, osSku: string) =>
  body.items.find((i: any) => i.osSku === osSku);

describe('GET /v1/os-skus', () => {
  it('counts, per Windows OS SKU, the services a new pool of it could run', async () => {
    const res = await get(ctx.server, '/v1/os-skus');
    expect(res.status).toBe(200);
    expect(res.body.cluster).toBeUndefined();
    expect(res.body.evaluatedAt).toEqual(expect.any(String));
    expect(res.body.items.map((i: any) => i.osSku)).toEqual([
      'Windows2025',
      'WindowsAnnual',
      'Windows2022',
      'Windows2019',
    ]);
    expect(sku(res.body, 'Windows2022')).toEqual({
      osSku: 'Windows2022',
      osType: 'Windows',
      build: 20348,
      buildName: 'Windows Server 2022 (20348)',
      baseImageTag: 'ltsc2022',
      retirementDate: '2027-03-15',
      imageDeletionDate: '2028-04-01',
      successor: 'Windows2025',
      minKubernetesVersion: '1.23',
      maxKubernetesVersion: '1.34',
      // The registry has no answer for ledger's and billing-api's images.
      services: { fit: 6, noFit: 8, unknown: 2, total: 16 },
      notFitting: [
        'kiosk',
        'label-printer',
        'notifications',
        'orders',
        'orders-legacy',
        'print-spooler',
        'reports-job',
        'search-indexer',
      ].map(ref),
    });
    expect(sku(res.body, 'Windows2019')).toMatchObject({
      services: { fit: 5, noFit: 9, unknown: 2, total: 16 },
      notFitting: expect.arrayContaining([ref('orders-legacy')]),
    });
    expect(sku(res.body, 'Windows2019').allowedOnCluster).toBeUndefined();
  });

  it('says whether AKS allows each SKU on the named cluster', async () => {
    const res = await get(ctx.server, '/v1/os-skus?cluster=aks-neu-modern');
    expect(res.status).toBe(200);
    expect(res.body.cluster).toEqual({
      name: 'aks-neu-modern',
      kubernetesVersion: '1.33.2',
    });
    expect(
      res.body.items.map((i: any) => [i.osSku, i.allowedOnCluster]),
    ).toEqual([
      ['Windows2025', true],
      ['WindowsAnnual', true],
      ['Windows2022', true],
      // Windows Server 2019 pools are blocked from 1.33.
      ['Windows2019', false],
    ]);
  });

  it.each([
    ['cluster=aks-nowhere', 'aks-nowhere'],
    ['cluster=', "'cluster'"],
    ['cluster=a&cluster=b', "'cluster'"],
    ['pool=npwin', 'unknown query parameter(s): pool'],
  ])('answers 400 for %s', async (query, named) => {
    const res = await get(ctx.server, `/v1/os-skus?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(named),
    });
  });

  it('names the parameter and the known clusters for an unknown cluster', async () => {
    const res = await get(ctx.server, '/v1/os-skus?cluster=aks-nowhere');
    expect(res.body.error.message).toMatch(
      /^query parameter 'cluster': .*aks-weu-legacy/,
    );
  });

  it('answers 401 without credentials and 403 without windows-readiness.report.read', async () => {
    expect((await request(ctx.server).get(`${API}/v1/os-skus`)).status).toBe(
      401,
    );
    ctx.policy = denying('windows-readiness.report.read');
    const res = await get(ctx.server, '/v1/os-skus');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
  });

  it('counts only the services the caller may read', async () => {
    ctx.policy = conditionalCatalog;
    // team-orders: orders (WS2019) and orders-legacy (1803).
    const olivia = await get(ctx.server, '/v1/os-skus', asUser(OLIVIA));
    expect(olivia.status).toBe(200);
    expect(sku(olivia.body, 'Windows2019')).toMatchObject({
      services: { fit: 1, noFit: 1, unknown: 0, total: 2 },
      notFitting: [ref('orders-legacy')],
    });
    // team-office: doc-indexer (WS2022 and 2025), fax-gateway (WS2022),
    // label-printer (WS2025) and print-spooler (WS2019).
    const oscar = await get(ctx.server, '/v1/os-skus', asUser(OSCAR));
    expect(sku(oscar.body, 'Windows2022')).toMatchObject({
      services: { fit: 2, noFit: 2, unknown: 0, total: 4 },
      notFitting: [ref('label-printer'), ref('print-spooler')],
    });
    ctx.policy = denying('catalog.entity.read');
    const none = await get(ctx.server, '/v1/os-skus');
    expect(sku(none.body, 'Windows2025')).toMatchObject({
      services: { fit: 0, noFit: 0, unknown: 0, total: 0 },
      notFitting: [],
    });
  });
});
