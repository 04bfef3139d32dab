/**
 * The client against the AKS simulator's registry (HTTPS with a
 * self-signed certificate): mirrors with `ns`, the bearer challenge, ACR's
 * token exchange, and every image of the demo fleet.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { resolve } from 'node:path';
import { startAksSimulator } from '@winready/aks-simulator';
import type { RunningSimulator } from '@winready/aks-simulator';
import {
  parseFleet,
  type Fleet,
} from '@winready/plugin-windows-readiness-common';
import { OciRegistryClient } from './client';
import { parseImageReference } from './reference';
import type { RegistryClientOptions } from './types';

jest.setTimeout(30_000);

const DEMO_PATH = resolve(__dirname, '../../../../examples/fleets/demo.yaml');
const fleet: Fleet = parseFleet(readFileSync(DEMO_PATH, 'utf8'), DEMO_PATH);
const images = fleet.images ?? {};
const references = Object.keys(images);
// What the client records: the fleet's platforms, and for an image the
// registry would not describe, an error that carries the registry's words.
const described = Object.fromEntries(
  Object.entries(images).map(([reference, record]) => [
    reference,
    record.error
      ? { platforms: [], error: expect.stringContaining(record.error) }
      : record,
  ]),
);
const registries = [
  ...new Set(references.map(r => parseImageReference(r).registry)),
];
const repositories = new Set(
  references.map(r => parseImageReference(r).repository),
);
const CREDENTIALS = { username: 'winready', password: 'sim-Password-42' };

const sims: RunningSimulator[] = [];
const clients: OciRegistryClient[] = [];

async function simulator(
  options: Partial<Parameters<typeof startAksSimulator>[0]> = {},
) {
  const sim = await startAksSimulator({ fleet, quiet: true, ...options });
  sims.push(sim);
  return sim;
}

/** A client that reaches every registry of the fleet through the simulator. */
function client(
  sim: RunningSimulator,
  options: Partial<RegistryClientOptions> = {},
) {
  const c = new OciRegistryClient({
    allowHosts: registries,
    mirrors: registries.map(host => ({
      host,
      endpoint: sim.registryEndpoint,
    })),
    ca: sim.caPem,
    timeoutMs: 3_000,
    ...options,
  });
  clients.push(c);
  return c;
}

const simHost = (sim: RunningSimulator) => new URL(sim.url).host;

afterEach(async () => {
  jest.restoreAllMocks();
  await Promise.all(clients.splice(0).map(c => c.close()));
  await Promise.all(sims.splice(0).map(s => s.stop()));
});

describe('OciRegistryClient against the AKS simulator', () => {
  it('describes every image of the demo fleet as the fleet file says, through mirrors, contacting loopback only', async () => {
    const connect = jest.spyOn(net, 'connect');
    const tlsConnect = jest.spyOn(tls, 'connect');
    const sim = await simulator();
    const c = client(sim);
    const progress: number[] = [];
    const records = await c.describeAll(references, {
      onProgress: done => progress.push(done),
    });
    expect(records).toEqual(described);
    expect(progress).toHaveLength(references.length);

    const counts = sim.requestCounts();
    // one manifest request per reference; configs only for single-platform images
    const single = Object.values(images).filter(i => i.platforms.length === 1);
    expect(counts['registry.manifests']).toBe(references.length);
    expect(c.stats()).toMatchObject({
      manifestRequests: references.length,
      tokenRequests: 0,
    });
    // images that share a config (same platform) fetch it once
    const configs = new Set(single.map(i => JSON.stringify(i.platforms[0])));
    expect(configs.size).toBeLessThan(single.length);
    expect(c.stats().blobRequests).toBe(configs.size);
    expect(counts['registry.blobs']).toBe(c.stats().blobRequests);
    const hosts = [...connect.mock.calls, ...tlsConnect.mock.calls].map(
      ([options]: any[]) => options.host ?? options.servername,
    );
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.every(h => h === '127.0.0.1')).toBe(true);

    // a second pass is served from the cache
    await c.describeAll(references);
    expect(sim.requestCounts()['registry.manifests']).toBe(references.length);
  });

  it('names the mirrored registry in ns', async () => {
    const sim = await simulator();
    const c = new OciRegistryClient({
      allowHosts: ['other.example.com'],
      mirrors: [{ host: 'other.example.com', endpoint: sim.registryEndpoint }],
      ca: sim.caPem,
    });
    clients.push(c);
    // the simulator holds orders/api for winreadydemo.azurecr.io only
    const record = await c.describe('other.example.com/orders/api:1.4.2-1803');
    expect(record.error).toBe(
      `${simHost(
        sim,
      )} (mirror of other.example.com) answered 404 Not Found for manifest orders/api:1.4.2-1803 (MANIFEST_UNKNOWN: manifest unknown)`,
    );
  });

  it('refuses the self-signed certificate without the custom CA', async () => {
    const sim = await simulator();
    const record = await client(sim, { ca: undefined, retries: 0 }).describe(
      references[0],
    );
    expect(record.platforms).toEqual([]);
    expect(record.error).toContain(`request to ${simHost(sim)} for manifest`);
    expect(record.error).toMatch(/TLS certificate .* is not trusted/);
  });

  it('answers the bearer challenge with a token per repository from the simulator realm', async () => {
    const sim = await simulator({
      registryAuth: 'bearer',
      registryCredentials: CREDENTIALS,
    });
    const c = client(sim, {
      credentials: [{ host: simHost(sim), ...CREDENTIALS }],
    });
    expect(await c.describeAll(references)).toEqual(described);
    expect(c.stats().tokenRequests).toBe(repositories.size);
    expect(sim.requestCounts()['registry.token']).toBe(repositories.size);
  });

  it('reports a refused bearer token without leaking the password', async () => {
    const sim = await simulator({
      registryAuth: 'bearer',
      registryCredentials: CREDENTIALS,
    });
    const wrong = 'not-the-Password-99';
    const record = await client(sim, {
      credentials: [
        { host: simHost(sim), username: CREDENTIALS.username, password: wrong },
      ],
    }).describe(references[0]);
    expect(record.platforms).toEqual([]);
    expect(record.error).toMatch(
      new RegExp(
        `^token server ${simHost(
          sim,
        )} refused a token for repository:[^ ]+:pull: 401 Unauthorized`,
      ),
    );
    expect(record.error).not.toContain(wrong);
  });

  it('exchanges an Entra token for ACR tokens', async () => {
    const sim = await simulator({ registryAuth: 'bearer' });
    const entraToken = jest.fn(async () => 'entra-token-for-acr');
    const c = client(sim, {
      credentials: [{ host: simHost(sim), type: 'acr' }],
      entraToken,
    });
    expect(await c.describeAll(references)).toEqual(described);
    expect(entraToken).toHaveBeenCalledTimes(1);
    const counts = sim.requestCounts();
    expect(counts['registry.exchange']).toBe(1);
    expect(counts['registry.token']).toBe(repositories.size);
  });

  it('uses basic credentials the simulator asks for', async () => {
    const sim = await simulator({
      registryAuth: 'basic',
      registryCredentials: CREDENTIALS,
    });
    const c = client(sim, {
      credentials: [{ host: simHost(sim), ...CREDENTIALS }],
    });
    expect(await c.describeAll(references)).toEqual(described);
    const anonymous = await client(sim).describe(references[0]);
    expect(anonymous.error).toContain(
      `${simHost(
        sim,
      )} (mirror of winreadydemo.azurecr.io) answered 401 Unauthorized`,
    );
  });

  it('retries after the simulator answers 429 with Retry-After, and times out on a hang', async () => {
    const sim = await simulator();
    sim.setFault('registry', { status: 429, retryAfterSeconds: 1, count: 1 });
    const started = Date.now();
    const c = client(sim);
    expect(await c.describe(references[2])).toEqual(images[references[2]]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    sim.setFault('registry', { hang: true });
    const hung = await client(sim, { timeoutMs: 300, retries: 0 }).describe(
      references[3],
    );
    expect(hung.error).toMatch(/timed out after 300 ms/);
  });
});
