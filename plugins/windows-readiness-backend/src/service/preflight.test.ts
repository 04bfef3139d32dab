/**
 * POST /v1/preflight on a backend that collected the demo fleet from the
 * AKS simulator: the answer is checkManifests' on the stored cluster and
 * image records (abuse cases: ../abuse/preflight.abuse.test.ts).
 */
import {
  checkManifests,
  parseManifests,
} from '@winready/plugin-windows-readiness-common';
import { post, useDemoBackend } from '../__testUtils__/harness';

jest.setTimeout(60_000);

const ctx = useDemoBackend();

const ORDERS = `# the 1803 build
apiVersion: apps/v1
kind: Deployment
metadata: { name: orders-legacy, namespace: orders }
spec:
  template:
    spec:
      nodeSelector: { kubernetes.io/os: windows }
      tolerations: [{ key: sku, operator: Equal, value: win, effect: NoSchedule }]
      containers:
        - name: api
          image: winreadydemo.azurecr.io/orders/api:1.4.2-1803
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: orders-next, namespace: orders }
spec:
  template:
    spec:
      nodeSelector: { kubernetes.io/os: windows }
      tolerations: [{ key: sku, operator: Equal, value: win, effect: NoSchedule }]
      containers: [{ name: api, image: winreadydemo.azurecr.io/orders/api:2.0.0 }]
`;

const preflight = (body: object) => post(ctx.server, '/v1/preflight', body);

describe('POST /v1/preflight', () => {
  it('judges the manifests against the stored cluster, with file, document and line', async () => {
    const res = await preflight({
      cluster: 'aks-weu-legacy',
      manifests: [{ path: 'deploy/orders.yaml', content: ORDERS }],
      at: '2026-11-27',
    });
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe('2026-11-27T00:00:00.000Z');
    expect(res.body.cluster).toMatchObject({
      name: 'aks-weu-legacy',
      stale: false,
      collectedAt: expect.any(String),
    });
    const [legacy, next] = res.body.workloads;
    expect(legacy).toMatchObject({
      file: 'deploy/orders.yaml',
      document: 1,
      line: 2,
      kind: 'Deployment',
      name: 'orders-legacy',
      status: 'blocked',
      checks: expect.arrayContaining([
        expect.objectContaining({ id: 'image-os-build', result: 'fail' }),
      ]),
    });
    // A tag the refresh never saw: the store has no record, so unknown.
    expect(next).toMatchObject({ document: 2, line: 14, status: 'unknown' });
  });

  it('answers what checkManifests answers on the same cluster and images', async () => {
    const documents = parseManifests([{ path: 'o.yaml', content: ORDERS }]);
    const cluster = ctx.fx.fleet.clusters.find(
      c => c.name === 'aks-weu-legacy',
    )!;
    const expected = checkManifests(documents, cluster, {
      images: ctx.fx.fleet.images,
      asOf: new Date('2026-11-27T00:00:00Z'),
    });
    const res = await preflight({
      cluster: 'aks-weu-legacy',
      manifests: [{ path: 'o.yaml', content: ORDERS }],
      at: '2026-11-27T00:00:00Z',
    });
    expect(res.body.workloads).toEqual(expected.workloads);
    expect(res.body.summary).toEqual(expected.summary);
    expect(res.body.cluster.pools).toEqual(expected.cluster.pools);
  });

  it('names a manifest without a path by its place in the body', async () => {
    const res = await preflight({
      cluster: 'aks-weu-legacy',
      manifests: [
        { content: 'apiVersion: v1\nkind: ConfigMap\n' },
        {
          content: ORDERS.replace(
            'image: winreadydemo.azurecr.io/orders/api:1.4.2-1803',
            'image: [1, 8, 0, 3]',
          ),
        },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'manifests[1] document 1 (line 2): spec.template.spec.containers[0].image (line 12): expected a string',
      ),
    });
  });

  it('answers 404 for a cluster nobody collected', async () => {
    const res = await preflight({
      cluster: 'aks-nowhere',
      manifests: [{ content: ORDERS }],
    });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      'No collected cluster is named "aks-nowhere"',
    );
  });
});
