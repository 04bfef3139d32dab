import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import {
  armClient,
  DEMO,
  loadDemoFleet,
  trustingFetch,
} from './__testUtils__/simulator';
import { startAksSimulator, type RunningSimulator } from './startAksSimulator';

const ARM_LIST = `/subscriptions/${DEMO.subscription}/providers/Microsoft.ContainerService/managedClusters?api-version=2025-10-01`;
const BEARER = { authorization: 'Bearer x' };

describe('faults', () => {
  let sim: RunningSimulator;
  let call: ReturnType<typeof trustingFetch>;

  const core = (cluster: string) => {
    const config = new KubeConfig();
    config.loadFromString(sim.kubeconfig(cluster));
    return config.makeApiClient(CoreV1Api);
  };

  beforeAll(async () => {
    sim = await startAksSimulator({ fleet: loadDemoFleet(), quiet: true });
    call = trustingFetch(sim);
  });
  afterAll(async () => {
    await call.close();
    await sim.stop();
  });
  beforeEach(() => {
    for (const target of ['arm', 'kubernetes', 'registry'] as const) {
      sim.setFault(target, undefined);
    }
    sim.setFault(`kubernetes:${DEMO.legacy.cluster}`, undefined);
    sim.resetRequestCounts();
  });

  it('429 with Retry-After, ARM-shaped, checked before auth', async () => {
    sim.setFault('arm', { status: 429, retryAfterSeconds: 7, count: 1 });
    const throttled = await call(ARM_LIST); // no Authorization at all
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(await throttled.json()).toMatchObject({
      error: { code: 'TooManyRequests' },
    });
    // count: 1 — the next request is answered normally (here: 401, no token).
    expect((await call(ARM_LIST)).status).toBe(401);
  });

  it('the Azure SDK retries a 429 with Retry-After: 0 by itself', async () => {
    sim.setFault('arm', { status: 429, retryAfterSeconds: 0, count: 1 });
    const clusters = [];
    for await (const c of armClient(sim).managedClusters.list())
      clusters.push(c);
    expect(clusters).toHaveLength(3);
    expect(sim.requestCounts()['arm.managedClusters.list']).toBe(2);
  });

  it('500 reaches the SDK as a RestError when it does not retry', async () => {
    sim.setFault('arm', { status: 500, count: 1 });
    const client = armClient(sim, DEMO.subscription, {
      retryOptions: { maxRetries: 0 },
    });
    await expect(
      client.managedClusters.get(
        DEMO.legacy.resourceGroup,
        DEMO.legacy.cluster,
      ),
    ).rejects.toMatchObject({ statusCode: 500, code: 'InternalServerError' });
    await expect(
      client.managedClusters.get(
        DEMO.legacy.resourceGroup,
        DEMO.legacy.cluster,
      ),
    ).resolves.toMatchObject({ name: DEMO.legacy.cluster });
  });

  it('count limits how many requests a fault applies to', async () => {
    sim.setFault('registry', { status: 503, count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('/v2/')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(sim.requestCounts()['registry.base']).toBe(3);
  });

  it('hang: the client times out; the request is counted', async () => {
    sim.setFault('registry', { hang: true, count: 1 });
    await expect(
      call('/v2/', { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(sim.requestCounts()['registry.base']).toBe(1);
    expect((await call('/v2/')).status).toBe(200);
  });

  it('malformed: 200 with a body that is not JSON, which client-node cannot parse', async () => {
    sim.setFault('kubernetes', { malformed: true, count: 2 });
    const raw = await call(`/clusters/${DEMO.legacy.cluster}/api/v1/nodes`);
    expect(raw.status).toBe(200);
    await expect(raw.clone().json()).rejects.toThrow();
    await expect(core(DEMO.legacy.cluster).listNode()).rejects.toThrow();
    await expect(core(DEMO.legacy.cluster).listNode()).resolves.toMatchObject({
      kind: 'NodeList',
    });
  });

  it('latency delays the answer by at least latencyMs', async () => {
    sim.setFault('kubernetes', { latencyMs: 150, count: 1 });
    const started = Date.now();
    const nodes = await core(DEMO.modern.cluster).listNode();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(nodes.items.length).toBeGreaterThan(0);
  });

  it('kubernetes:<cluster> takes one cluster down while the others answer', async () => {
    sim.setFault(`kubernetes:${DEMO.legacy.cluster}`, { status: 503 });
    const error = await core(DEMO.legacy.cluster)
      .listPodForAllNamespaces()
      .catch(e => e);
    expect(error.code).toBe(503);
    expect(JSON.parse(error.body)).toMatchObject({
      kind: 'Status',
      reason: 'ServiceUnavailable',
      code: 503,
    });
    await expect(
      core(DEMO.modern.cluster).listPodForAllNamespaces(),
    ).resolves.toMatchObject({ kind: 'PodList' });
    // ARM is a different target and keeps answering.
    expect((await call(ARM_LIST, { headers: BEARER })).status).toBe(200);
  });

  it('is driven over HTTP by /_simulator for out-of-process use', async () => {
    const set = await call('/_simulator/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'arm', fault: { status: 503, count: 1 } }),
    });
    expect(set.status).toBe(204);
    expect((await call(ARM_LIST, { headers: BEARER })).status).toBe(503);
    expect((await call(ARM_LIST, { headers: BEARER })).status).toBe(200);
    const counts = await (await call('/_simulator/requests')).json();
    expect(counts).toEqual({ 'arm.managedClusters.list': 2 });
    const bad = await call('/_simulator/faults', {
      method: 'POST',
      body: JSON.stringify({ target: 'dns', fault: { status: 500 } }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('stop()', () => {
  it('closes hung and delayed requests, and resolves', async () => {
    const sim = await startAksSimulator({
      fleet: loadDemoFleet(),
      quiet: true,
    });
    const call = trustingFetch(sim);
    sim.setFault('registry', { hang: true });
    sim.setFault('arm', { latencyMs: 60_000 });
    const hung = call('/v2/');
    const slow = call(ARM_LIST, { headers: BEARER });
    // Both requests are in the server before it stops.
    while (
      (sim.requestCounts()['arm.managedClusters.list'] ?? 0) < 1 ||
      (sim.requestCounts()['registry.base'] ?? 0) < 1
    ) {
      await new Promise(resolve => setImmediate(resolve));
    }
    await sim.stop();
    await expect(hung).rejects.toThrow();
    await expect(slow).rejects.toThrow();
    await call.close();
  });
});
