/**
 * Abuse: an API server that sheds load. A 429 or a 5xx on a list call is
 * retried (after Retry-After when the server gives one), a bounded number of
 * times, through the real @kubernetes/client-node against the simulator's
 * Kubernetes API with its fault switches: one such answer no longer leaves
 * the cluster stale for a whole refresh.
 */
import { createAzureCredential } from '../azure/createAzureCredential';
import { AksClusterLocator } from '../sources/aks/AksClusterLocator';
import { KubernetesObjectReader } from '../sources/kubernetes/KubernetesObjectReader';
import type { KubernetesConnection } from '../sources/types';
import { startDemoSimulator } from '../__testUtils__/demoSimulator';

jest.setTimeout(60_000);

const CLUSTER = 'aks-weu-legacy';
type Started = Awaited<ReturnType<typeof startDemoSimulator>>;
let started: Started;
let connection: KubernetesConnection;

beforeAll(async () => {
  started = await startDemoSimulator();
  const located = await new AksClusterLocator({
    credential: createAzureCredential(started.config.azure!.credential),
    config: started.config.azure!,
    caPem: started.sim.caPem,
  }).locate();
  connection = await located.clusters.find(c => c.name === CLUSTER)!.connect();
});
afterAll(() => started?.sim.stop());
afterEach(() => started.sim.setFault(`kubernetes:${CLUSTER}`, undefined));

const nodeLists = () =>
  started.sim.requestCounts()['kubernetes.nodes.list'] ?? 0;
const read = (signal?: AbortSignal) =>
  new KubernetesObjectReader().read(connection, signal);

it('retries a 429 after its Retry-After, and reads the whole cluster', async () => {
  const before = nodeLists();
  started.sim.setFault(`kubernetes:${CLUSTER}`, {
    status: 429,
    retryAfterSeconds: 1,
    count: 1,
  });
  const begun = Date.now();
  const result = await read();
  expect(result.errors).toEqual([]);
  expect(result.objects.filter(o => o.kind === 'Node')).toHaveLength(4);
  expect(nodeLists() - before).toBe(2);
  expect(Date.now() - begun).toBeGreaterThanOrEqual(950);
});

it('retries 503s with a backoff until the list answers', async () => {
  started.sim.setFault(`kubernetes:${CLUSTER}`, { status: 503, count: 3 });
  const result = await read();
  expect(result.errors).toEqual([]);
  expect(result.objects.filter(o => o.kind === 'Pod').length).toBeGreaterThan(
    0,
  );
});

it('gives up after a bounded number of attempts, with the last answer as the error', async () => {
  const before = nodeLists();
  started.sim.setFault(`kubernetes:${CLUSTER}`, { status: 500 });
  await expect(read()).rejects.toMatchObject({ code: 500 });
  expect(nodeLists() - before).toBe(4);
});

it('does not wait for a Retry-After beyond its bound', async () => {
  const before = nodeLists();
  started.sim.setFault(`kubernetes:${CLUSTER}`, {
    status: 429,
    retryAfterSeconds: 3600,
  });
  const begun = Date.now();
  await expect(read()).rejects.toMatchObject({ code: 429 });
  expect(Date.now() - begun).toBeLessThan(5_000);
  expect(nodeLists() - before).toBe(1);
});

it('stops waiting when the collection is aborted', async () => {
  started.sim.setFault(`kubernetes:${CLUSTER}`, {
    status: 429,
    retryAfterSeconds: 10,
  });
  const begun = Date.now();
  await expect(read(AbortSignal.timeout(300))).rejects.toMatchObject({
    name: 'TimeoutError',
  });
  expect(Date.now() - begun).toBeLessThan(3_000);
});
