/**
 * The client against a real registry: Debian's docker-registry
 * (distribution 2.8), started on loopback with images pushed through its
 * HTTP API. Fails (does not skip) when docker-registry is not installed.
 */
import { OciRegistryClient } from './client';
import type { RegistryClientOptions } from './types';
import {
  DockerRegistry,
  startDockerRegistry,
} from './__testUtils__/dockerRegistry';
import { TestImages, pushTestImages } from './__testUtils__/pushImages';
import { startTinyServer } from './__testUtils__/tinyServer';

jest.setTimeout(60_000);

const BASIC = { username: 'winready', password: 'S3cret-pa55word!' };

let anonymous: DockerRegistry;
let secured: DockerRegistry;
let images: TestImages;
let securedImages: TestImages;
const clients: OciRegistryClient[] = [];

function client(options: Partial<RegistryClientOptions> = {}) {
  const hosts = [anonymous.host, secured.host];
  const c = new OciRegistryClient({
    allowHosts: hosts,
    insecureHosts: hosts,
    timeoutMs: 5_000,
    ...options,
  });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  [anonymous, secured] = await Promise.all([
    startDockerRegistry(),
    startDockerRegistry({ basicAuth: BASIC }),
  ]);
  [images, securedImages] = await Promise.all([
    pushTestImages(anonymous),
    pushTestImages(secured),
  ]);
});

afterAll(async () => {
  await Promise.all(clients.map(c => c.close()));
  await Promise.all([anonymous?.stop(), secured?.stop()]);
});

describe('OciRegistryClient against docker-registry', () => {
  it.each([
    [
      'a Windows OCI index (17763 + 20348, attestation skipped)',
      'windowsIndex',
    ],
    ['a single-platform Windows OCI image', 'windowsSingle'],
    ['a Linux Docker v2 image', 'linux'],
    ['a Docker manifest list', 'dockerList'],
  ] as const)('describes %s', async (_what, kind) => {
    const c = client();
    const image = images[kind];
    expect(await c.describe(image.reference)).toEqual({
      platforms: image.platforms,
    });
    const single = kind === 'windowsSingle' || kind === 'linux';
    expect(c.stats()).toEqual({
      manifestRequests: 1,
      blobRequests: single ? 1 : 0,
      tokenRequests: 0,
      cacheHits: 0,
    });
  });

  it('describes digest references, with and without a tag', async () => {
    const c = client();
    const { windowsIndex, linux } = images;
    const repo = windowsIndex.reference.split(':ltsc')[0];
    expect(await c.describe(`${repo}@${windowsIndex.digest}`)).toEqual({
      platforms: windowsIndex.platforms,
    });
    expect(await c.describe(`${linux.reference}@${linux.digest}`)).toEqual({
      platforms: linux.platforms,
    });
  });

  it('never fetches a manifest or config twice (cache by digest, shared in-flight requests)', async () => {
    const c = client();
    const { linux, windowsSingle } = images;
    const [a, b] = await Promise.all([
      c.describe(linux.reference),
      c.describe(linux.reference),
    ]);
    expect(a).toEqual(b);
    expect(c.stats()).toMatchObject({ manifestRequests: 1, blobRequests: 1 });
    const repo = linux.reference.slice(0, linux.reference.lastIndexOf(':'));
    expect(await c.describe(`${repo}@${linux.digest}`)).toEqual(a);
    expect(await c.describe(linux.reference)).toEqual(a);
    expect(c.stats()).toMatchObject({ manifestRequests: 1, blobRequests: 1 });
    expect(c.stats().cacheHits).toBeGreaterThanOrEqual(2);
    // content is addressed by digest: the same manifest under another
    // reference (here another repository) is not fetched again
    await c.describe(windowsSingle.reference);
    const before = c.stats();
    const other = `${anonymous.host}/winready/other@${windowsSingle.digest}`;
    expect(await c.describe(other)).toEqual({
      platforms: windowsSingle.platforms,
    });
    expect(c.stats()).toEqual({
      ...before,
      cacheHits: before.cacheHits + 2, // its manifest and its config
    });
  });

  it('describes everything at once, reporting progress', async () => {
    const c = client({ concurrency: 2 });
    const all = Object.values(images);
    const progress: number[] = [];
    const records = await c.describeAll(
      [...all.map(i => i.reference), all[0].reference],
      { onProgress: done => progress.push(done) },
    );
    expect(Object.keys(records)).toHaveLength(all.length);
    for (const image of all) {
      expect(records[image.reference]).toEqual({ platforms: image.platforms });
    }
    expect(progress).toEqual([1, 2, 3, 4]);
  });

  it('names the host and the registry error for a missing image', async () => {
    const record = await client().describe(
      `${anonymous.host}/winready/missing:1`,
    );
    expect(record.platforms).toEqual([]);
    expect(record.error).toContain(anonymous.host);
    expect(record.error).toMatch(/404 Not Found.*MANIFEST_UNKNOWN/);
  });

  describe('basic auth (htpasswd)', () => {
    it('reads every kind of image with the right credentials', async () => {
      const c = client({
        credentials: [{ host: secured.host, ...BASIC }],
      });
      for (const image of Object.values(securedImages)) {
        expect(await c.describe(image.reference)).toEqual({
          platforms: image.platforms,
        });
      }
    });

    it('says that no credentials are configured for the host', async () => {
      const c = client({
        credentials: [{ host: anonymous.host, ...BASIC }],
      });
      const record = await c.describe(securedImages.linux.reference);
      expect(record.platforms).toEqual([]);
      expect(record.error).toContain(secured.host);
      expect(record.error).toMatch(/401 Unauthorized/);
      expect(record.error).toContain(
        `no credentials are configured for ${secured.host}`,
      );
    });

    it('reports a wrong password without leaking it', async () => {
      const wrong = 'Wr0ng-Passw0rd-Value';
      const logs: string[] = [];
      const logger = {
        debug: (msg: string, meta?: object) =>
          logs.push(msg + JSON.stringify(meta)),
        warn: (msg: string, meta?: object) =>
          logs.push(msg + JSON.stringify(meta)),
      };
      const c = client({
        credentials: [
          { host: secured.host, username: BASIC.username, password: wrong },
        ],
        logger,
      });
      const record = await c.describe(securedImages.windowsIndex.reference);
      expect(record.platforms).toEqual([]);
      expect(record.error).toContain(secured.host);
      expect(record.error).toMatch(
        /answered 401 Unauthorized for manifest winready\/multi:ltsc: the credentials were refused/,
      );
      const basic = Buffer.from(`${BASIC.username}:${wrong}`).toString(
        'base64',
      );
      for (const text of [JSON.stringify(record), ...logs]) {
        expect(text).not.toContain(wrong);
        expect(text).not.toContain(basic);
      }
      expect(logs.length).toBeGreaterThan(0);
    });
  });

  it('refuses a host outside the allow-list without connecting to it', async () => {
    const listener = await startTinyServer((_req, res) => res.end());
    try {
      const c = client({ allowHosts: [anonymous.host] });
      const record = await c.describe(`${listener.host}/winready/multi:ltsc`);
      expect(record).toEqual({
        platforms: [],
        error: `registry host ${listener.host} is not in the allow-list`,
      });
      expect(listener.connections).toBe(0);
      expect(c.stats().manifestRequests).toBe(0);
      // and the allowed registry still answers
      expect((await c.describe(images.linux.reference)).error).toBeUndefined();
    } finally {
      await listener.stop();
    }
  });
});
