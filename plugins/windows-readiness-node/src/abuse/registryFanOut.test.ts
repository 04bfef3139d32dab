/**
 * Abuse: an image index whose entries carry no `platform` makes the client
 * fetch each child manifest to learn its platform. A hostile or broken
 * registry can list thousands: the lookup reads a bounded number of them, a
 * few at a time, and stops (cancelling the others) as soon as one fails.
 */
import type { ServerResponse } from 'node:http';
import { MediaTypes } from '../registry/mediaTypes';
import {
  blob,
  configBlob,
  imageManifest,
  sendBlob,
  type Blob,
} from '../registry/__testUtils__/fakeContent';
import { registryTestHarness } from '../registry/__testUtils__/harness';
import { sendJson } from '../registry/__testUtils__/tinyServer';
import {
  startDockerRegistry,
  type DockerRegistry,
} from '../registry/__testUtils__/dockerRegistry';
import { RegistryPusher } from '../registry/__testUtils__/registryPusher';
import { OciRegistryClient } from '../registry';

jest.setTimeout(60_000);

const WS2022 = {
  os: 'windows',
  architecture: 'amd64',
  osVersion: '10.0.20348.2849',
};
const config = configBlob(WS2022);

/** `count` distinct child manifests, and an index that lists them without platforms. */
function platformlessIndex(count: number) {
  const children: Blob[] = Array.from({ length: count }, (_, i) => {
    const manifest = JSON.parse(imageManifest(config).bytes.toString());
    return blob(
      { ...manifest, annotations: { 'test.child': String(i) } },
      MediaTypes.ociManifest,
    );
  });
  const index = blob(
    {
      schemaVersion: 2,
      mediaType: MediaTypes.ociIndex,
      manifests: children.map(child => ({
        mediaType: child.mediaType,
        digest: child.digest,
        size: child.bytes.length,
      })),
    },
    MediaTypes.ociIndex,
  );
  return {
    index,
    children,
    byDigest: new Map(children.map(c => [c.digest, c])),
  };
}

const { server, client } = registryTestHarness({ timeoutMs: 5_000 });
const manifestPath = /\/v2\/app\/manifests\/(.+)$/;

describe('an index of 25,000 entries without a platform', () => {
  it('is refused after one request, not 25,001', async () => {
    const { index, byDigest } = platformlessIndex(25_000);
    const s = await server((req, res) => {
      const ref = manifestPath.exec(req.url!)?.[1];
      if (ref === '1') return sendBlob(res, index);
      const child = ref && byDigest.get(ref);
      if (child) return sendBlob(res, child);
      return sendBlob(res, config);
    });
    const c = client([s.host], { concurrency: 16 });
    const record = await c.describe(`${s.host}/app:1`);
    // Reported for the issue: the number of requests the lookup made.
    process.stderr.write(
      `registry requests for the 25,000-entry index: ${s.requests.length}\n`,
    );
    expect(record.platforms).toEqual([]);
    expect(record.error).toMatch(
      /index app:1 lists 25000 entries without a platform; at most \d+ are looked into/,
    );
    expect(s.requests.length).toBe(1);
    expect(c.stats().manifestRequests).toBe(1);
  });
});

describe('an index of more entries than any image has platforms', () => {
  it('is refused without reading them', async () => {
    const entries = Array.from({ length: 1_001 }, (_, i) => ({
      mediaType: MediaTypes.ociManifest,
      digest: blob(`entry ${i}`, MediaTypes.ociManifest).digest,
      size: 100,
      platform: { os: 'windows', architecture: 'amd64' },
    }));
    const index = blob(
      { schemaVersion: 2, mediaType: MediaTypes.ociIndex, manifests: entries },
      MediaTypes.ociIndex,
    );
    const s = await server((_req, res) => sendBlob(res, index));
    const record = await client([s.host]).describe(`${s.host}/app:1`);
    expect(record.error).toMatch(/lists 1001 entries; at most 1000 are read/);
    expect(s.requests).toHaveLength(1);
  });
});

describe('an index with a few entries without a platform', () => {
  it('looks into at most 4 of them at a time, whatever the client concurrency', async () => {
    const { index, byDigest } = platformlessIndex(30);
    const s = await server((req, res) => {
      const ref = manifestPath.exec(req.url!)?.[1];
      if (ref === '1') return sendBlob(res, index);
      const child = ref && byDigest.get(ref);
      const answer = () =>
        child ? sendBlob(res, child) : sendBlob(res, config);
      setTimeout(answer, 30);
      return undefined;
    });
    const record = await client([s.host], { concurrency: 32 }).describe(
      `${s.host}/app:1`,
    );
    expect(record).toEqual({
      platforms: Array(30).fill({ ...WS2022 }),
    });
    expect(s.maxInFlight).toBeLessThanOrEqual(4);
    expect(s.maxInFlight).toBeGreaterThan(1);
  });

  it('stops and cancels the others as soon as one fails', async () => {
    const { index, children, byDigest } = platformlessIndex(40);
    const failing = children[2].digest;
    const open = new Set<ServerResponse>();
    let failedAt = 0;
    let cancelled = 0;
    const s = await server((req, res) => {
      const ref = manifestPath.exec(req.url!)?.[1];
      if (ref === '1') return sendBlob(res, index);
      if (ref === failing) {
        failedAt = Date.now();
        return sendJson(res, 404, {
          errors: [{ code: 'MANIFEST_UNKNOWN', message: 'gone' }],
        });
      }
      // The others take long: a finished lookup must not wait for them.
      open.add(res);
      res.on('close', () => {
        if (!res.writableEnded) cancelled++;
        open.delete(res);
      });
      const child = ref && byDigest.get(ref);
      setTimeout(() => child && !res.destroyed && sendBlob(res, child), 2_000);
      return undefined;
    });
    const started = Date.now();
    const record = await client([s.host], { concurrency: 32 }).describe(
      `${s.host}/app:1`,
    );
    expect(record.error).toMatch(/404 Not Found for manifest app@sha256:/);
    expect(Date.now() - started).toBeLessThan(1_500);
    await new Promise(resolve => setTimeout(resolve, 200));
    const after = s.requests.filter(
      (r, i) => i > 0 && Date.now() >= failedAt && r.url.includes(failing),
    );
    expect(after).toHaveLength(1);
    // Only the first few were ever asked for, and they were cancelled.
    expect(s.requests.length).toBeLessThanOrEqual(1 + 4);
    expect(cancelled).toBeGreaterThan(0);
    expect(open.size).toBe(0);
  });
});

describe('against docker-registry (distribution 2.8)', () => {
  let registry: DockerRegistry;
  let reference: string;

  beforeAll(async () => {
    registry = await startDockerRegistry();
    const pusher = new RegistryPusher(registry);
    try {
      const configDescriptor = await pusher.pushBlob(
        'wide/app',
        config.bytes,
        config.mediaType,
      );
      // 300 distinct children (distribution refuses an index of unknown ones).
      const children = [];
      for (let i = 0; i < 300; i++) {
        children.push(
          await pusher.pushManifest(
            'wide/app',
            undefined,
            {
              schemaVersion: 2,
              mediaType: MediaTypes.ociManifest,
              config: configDescriptor,
              layers: [],
              annotations: { 'test.child': String(i) },
            },
            MediaTypes.ociManifest,
          ),
        );
      }
      await pusher.pushIndex('wide/app', 'v1', children, 'oci');
      reference = `${registry.host}/wide/app:v1`;
    } finally {
      await pusher.close();
    }
  });
  afterAll(() => registry?.stop());

  it('refuses a real index of 300 entries without a platform after reading it alone', async () => {
    const c = new OciRegistryClient({
      allowHosts: [registry.host],
      insecureHosts: [registry.host],
    });
    try {
      const record = await c.describe(reference);
      expect(record.error).toMatch(/lists 300 entries without a platform/);
      expect(c.stats().manifestRequests).toBe(1);
    } finally {
      await c.close();
    }
  });
});
