/**
 * No configured secret leaves the backend: not in any response of any route,
 * not in any log line (message or meta), even when the sources fail with them.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { shardOf } from './refresh/shards';
import {
  API,
  get,
  merge,
  post,
  refreshAndWait,
  startReadinessBackend,
  startSimulatorFixture,
  type SimulatorFixture,
  type TestBackend,
} from './__testUtils__/harness';
import { recordingRootLogger, type LogRecord } from './__testUtils__/logging';

jest.setTimeout(60_000);

const ARM_TOKEN = 'armToken-S3CRET-5f1e0c7a';
const REGISTRY_PASSWORD = 'registryPassword-S3CRET-9b2d44';
const KUBERNETES_TOKEN = 'kubeToken-S3CRET-3c7a19';
const WRONG_KUBERNETES_TOKEN = 'kubeToken-S3CRET-WRONG-81d4e2';
const SECRETS = [
  ARM_TOKEN,
  REGISTRY_PASSWORD,
  KUBERNETES_TOKEN,
  WRONG_KUBERNETES_TOKEN,
  // How they travel: a Basic header, and tokens inside base64 (kubeconfigs).
  Buffer.from(`winready:${REGISTRY_PASSWORD}`).toString('base64'),
  ...[ARM_TOKEN, KUBERNETES_TOKEN, WRONG_KUBERNETES_TOKEN].map(secret =>
    Buffer.from(secret).toString('base64').slice(0, 24),
  ),
  // The distinctive part alone, in case something cuts or re-encodes them.
  'S3CRET',
];

let fx: SimulatorFixture;
let backend: TestBackend;
const logs: LogRecord[] = [];

beforeAll(async () => {
  fx = await startSimulatorFixture({
    kubernetesToken: KUBERNETES_TOKEN,
    registryAuth: 'basic',
    registryCredentials: { username: 'winready', password: 'the-right-one' },
  });
  const cluster = (name: string, token: string) => ({
    name,
    url: fx.sim.kubernetesServer('aks-weu-legacy'),
    caFile: fx.caFile,
    token,
  });
  // The sources come from app-config here, secrets included, as in production.
  backend = await startReadinessBackend({
    config: merge(fx.appConfig, {
      windowsReadiness: {
        azure: { credential: { type: 'static', token: ARM_TOKEN } },
        registries: {
          credentials: [
            {
              host: new URL(fx.sim.registryEndpoint).host,
              type: 'basic',
              username: 'winready',
              password: REGISTRY_PASSWORD,
            },
          ],
        },
        kubernetes: {
          clusters: [
            cluster('static-legacy', KUBERNETES_TOKEN),
            cluster('static-wrong', WRONG_KUBERNETES_TOKEN),
          ],
        },
      },
    }),
    features: [recordingRootLogger(logs)],
  });
});

afterAll(async () => {
  await backend?.stop();
  await fx?.stop();
});

it('keeps every configured secret out of responses and logs while sources fail', async () => {
  const { server } = backend;
  const responses: request.Response[] = [];
  const keep = async (pending: request.Test) => {
    const res = await pending;
    responses.push(res);
    return res;
  };

  // 1. A refresh where the registry refuses the password and one cluster the token.
  const first = await refreshAndWait(server);
  expect(first.lastRefresh.imageErrors).toBeGreaterThanOrEqual(10);
  expect(first.lastRefresh.unreachableClusters).toEqual(['static-wrong']);

  // 2. One with faults: a cluster down, the ARM listing garbled once.
  fx.sim.setFault('kubernetes:aks-neu-modern', { status: 500 });
  fx.sim.setFault('arm', { malformed: true, count: 1 });
  const second = await refreshAndWait(server);
  expect(second.lastRefresh.sourceErrors).toHaveLength(1);
  expect(second.staleClusters).toEqual(
    expect.arrayContaining(['aks-neu-modern', 'static-wrong']),
  );

  // 3. Every route, answering well and badly.
  const status = await keep(get(server, '/v1/status'));
  const clusters = await keep(get(server, '/v1/clusters'));
  for (const path of [
    '/v1/entities/default/component/orders-legacy',
    '/v1/entities/default/component/payments',
    '/v1/entities/default/component/nothing-here',
    '/v1/entities/default/component/bad%20name',
    '/v1/report',
    '/v1/report?format=csv',
    '/v1/report?status=bogus',
    '/v1/history',
    '/v1/history?dimension=service',
  ]) {
    await keep(get(server, path));
  }
  await keep(
    post(server, '/v1/what-if', {
      cluster: 'static-legacy',
      pool: 'npwin',
      osSku: 'Windows2022',
    }),
  );
  await keep(
    post(server, '/v1/what-if', {
      cluster: 'static-wrong',
      pool: 'x',
      osSku: 'y',
    }),
  );
  await keep(post(server, '/v1/refresh'));
  await keep(get(server, '/v1/report', mockCredentials.none.header()));
  await keep(
    request(server)
      .post(`${API}/v1/what-if`)
      .set('Content-Type', 'application/json')
      .send(`{"token":"${ARM_TOKEN.slice(0, 4)}`),
  );

  // The failures really happened, with the secrets in play.
  const byName = Object.fromEntries(
    clusters.body.items.map((c: any) => [c.name, c]),
  );
  expect(byName['static-wrong'].errors[0]).toMatchObject({
    errorType: 'UNAUTHORIZED_ERROR',
    statusCode: 401,
  });
  expect(byName['static-legacy']).toMatchObject({ stale: false, errors: [] });
  expect(byName['aks-eus-linux']).toMatchObject({ stale: false, errors: [] });
  // Every shard lists the clusters; the one that got the garbled listing
  // (rg-batch's, listed first) keeps its cluster there, stale, if that
  // cluster is one of its own.
  const garbled = second.shards.find(
    (shard: any) => shard.last.sourceErrors.length > 0,
  );
  expect(garbled.last.sourceErrors[0].resourcePath).toContain('rg-batch');
  const itsOwn = shardOf('aks-weu-batch', 4) + 1 === garbled.shard;
  expect(byName['aks-weu-batch'].stale).toBe(itsOwn);
  expect(byName['aks-weu-batch'].errors.map((e: any) => e.source)).toEqual(
    itsOwn ? ['aks'] : [],
  );
  expect(byName['aks-neu-modern'].errors[0].statusCode).toBe(500);
  expect(status.body.lastRefresh.imageErrors).toBeGreaterThan(0);
  expect(responses.map(r => r.status)).toEqual(
    expect.arrayContaining([200, 202, 400, 401, 404]),
  );
  expect(
    logs.some(l => l.level === 'warn' && /static-wrong/.test(l.message)),
  ).toBe(true);
  expect(logs.some(l => JSON.stringify(l).includes('401 Unauthorized'))).toBe(
    true,
  );

  // Nothing anywhere carries a secret.
  const everything = [
    ...responses.map(r => `${JSON.stringify(r.headers)}\n${r.text}`),
    ...logs.map(l => JSON.stringify(l)),
  ];
  for (const secret of SECRETS) {
    const leaks = everything.filter(text => text.includes(secret));
    expect({ secret, leaks }).toEqual({ secret, leaks: [] });
  }
});
