import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { OciRegistryClient } from './client';
import { MediaTypes } from './mediaTypes';
import {
  blob,
  configBlob,
  imageManifest,
  indexOf,
  serveContent,
  sha256,
} from './__testUtils__/fakeContent';
import { sendJson } from './__testUtils__/tinyServer';
import { registryTestHarness } from './__testUtils__/harness';

const WS2022 = {
  os: 'windows',
  architecture: 'amd64',
  osVersion: '10.0.20348.2849',
  osFeatures: ['win32k'],
};
const { server, client } = registryTestHarness({
  retries: 0,
  timeoutMs: 2_000,
});

describe('OciRegistryClient: options', () => {
  it('refuses plain http to a non-loopback host and other bad options', () => {
    expect(
      () =>
        new OciRegistryClient({
          allowHosts: ['r.io'],
          insecureHosts: ['r.io'],
        }),
    ).toThrow(/loopback hosts only/);
    expect(
      () =>
        new OciRegistryClient({
          allowHosts: ['r.io'],
          mirrors: [{ host: 'r.io', endpoint: 'http://mirror.example.com' }],
        }),
    ).toThrow(/plain http on a non-loopback host/);
    expect(
      () =>
        new OciRegistryClient({
          allowHosts: ['a.azurecr.io'],
          credentials: [{ host: 'a.azurecr.io', type: 'acr' }],
        }),
    ).toThrow(/entraToken/);
    expect(
      () => new OciRegistryClient({ allowHosts: [], concurrency: 0 }),
    ).toThrow(/concurrency/);
    expect(
      () => new OciRegistryClient({ allowHosts: [], retries: -1 }),
    ).toThrow(/retries/);
  });
});

describe('OciRegistryClient: allow-list and references', () => {
  it('never contacts a non-loopback host that is not allowed', async () => {
    const connect = jest.spyOn(net, 'connect');
    const tlsConnect = jest.spyOn(tls, 'connect');
    const lookup = jest.spyOn(dns, 'lookup');
    const c = client(['127.0.0.1:1']);
    expect(await c.describe('registry.example.com/team/app:1.0')).toEqual({
      platforms: [],
      error: 'registry host registry.example.com is not in the allow-list',
    });
    expect(await c.describe('nginx')).toEqual({
      platforms: [],
      error: 'registry host docker.io is not in the allow-list',
    });
    expect(connect).not.toHaveBeenCalled();
    expect(tlsConnect).not.toHaveBeenCalled();
    expect(lookup).not.toHaveBeenCalled();
    expect(c.stats()).toEqual({
      manifestRequests: 0,
      blobRequests: 0,
      tokenRequests: 0,
      cacheHits: 0,
    });
    // the spies do see the connections the client makes
    const s = await server((_req, res) => res.writeHead(404).end());
    await client([s.host]).describe(`${s.host}/app:1`);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('turns an invalid reference into an error record', async () => {
    expect(await client([]).describe('Bad/Name')).toEqual({
      platforms: [],
      error:
        'invalid image reference "Bad/Name": repository name must be lowercase',
    });
  });

  it('rejects with the reason when aborted, and throws for non-strings', async () => {
    const c = client([]);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(c.describe('nginx', controller.signal)).rejects.toThrow(
      'stop',
    );
    await expect(c.describe(42 as any)).rejects.toThrow(TypeError);
  });
});

describe('OciRegistryClient: validating answers', () => {
  const config = configBlob(WS2022);
  const manifest = imageManifest(config);

  it.each([
    [
      'malformed JSON',
      blob(
        Buffer.from('{"schemaVersion": 2, "manifests": ['),
        MediaTypes.ociIndex,
      ),
      'sent a malformed answer for manifest app:1: manifest is not valid JSON',
    ],
    [
      'an HTML page',
      blob(Buffer.from('<html>login</html>'), 'text/html'),
      'manifest is not valid JSON',
    ],
    [
      'a helm chart',
      blob(
        {
          schemaVersion: 2,
          mediaType: MediaTypes.ociManifest,
          config: {
            mediaType: 'application/vnd.cncf.helm.config.v1+json',
            digest: config.digest,
            size: 1,
          },
          layers: [],
        },
        MediaTypes.ociManifest,
      ),
      'is not a container image (config media type application/vnd.cncf.helm.config.v1+json)',
    ],
    [
      'an index of attestations only',
      blob(
        {
          schemaVersion: 2,
          manifests: [
            {
              mediaType: MediaTypes.ociManifest,
              digest: config.digest,
              size: 1,
              platform: { os: 'unknown', architecture: 'unknown' },
            },
          ],
        },
        MediaTypes.ociIndex,
      ),
      'manifest app:1 lists no image platforms',
    ],
  ])(
    'names the host and what is wrong with %s',
    async (_what, answer, message) => {
      const s = await server((req, res) => {
        if (!serveContent(req.url!, res, { manifests: { 'app:1': answer } })) {
          sendJson(res, 404, { errors: [{ code: 'NOT_FOUND' }] });
        }
      });
      const record = await client([s.host]).describe(`${s.host}/app:1`);
      expect(record.platforms).toEqual([]);
      expect(record.error).toContain(s.host);
      expect(record.error).toContain(message);
    },
  );

  it('refuses a manifest whose bytes do not match the digest asked for', async () => {
    const other = blob(
      { ...JSON.parse(manifest.bytes.toString()), annotations: { x: 'y' } },
      MediaTypes.ociManifest,
    );
    const s = await server((_req, res) =>
      // answers any manifest request with `other`
      res.writeHead(200, { 'content-type': other.mediaType }).end(other.bytes),
    );
    const record = await client([s.host]).describe(
      `${s.host}/app@${manifest.digest}`,
    );
    expect(record.error).toBe(
      `${s.host} sent a malformed answer for manifest app@${manifest.digest}: content digest ${other.digest} does not match ${manifest.digest}`,
    );
  });

  it('refuses a tag answer whose Docker-Content-Digest does not match its bytes', async () => {
    const s = await server((_req, res) =>
      res
        .writeHead(200, {
          'content-type': manifest.mediaType,
          'docker-content-digest': sha256(Buffer.from('something else')),
        })
        .end(manifest.bytes),
    );
    const record = await client([s.host]).describe(`${s.host}/app:1`);
    expect(record.error).toMatch(
      /does not match .* \(Docker-Content-Digest\)$/,
    );
  });

  it('refuses a config blob that does not match its digest or size', async () => {
    const s = await server((req, res) => {
      if (req.url!.includes('/blobs/')) {
        res
          .writeHead(200)
          .end(
            Buffer.from(
              JSON.stringify({ os: 'linux', architecture: 'amd64' }).padEnd(
                config.bytes.length,
              ),
            ),
          );
      } else serveContent(req.url!, res, { manifests: { 'app:1': manifest } });
    });
    const record = await client([s.host]).describe(`${s.host}/app:1`);
    expect(record.error).toContain(
      `${s.host} sent a malformed answer for config blob app@${config.digest}: content digest`,
    );
  });

  it('reads a platform-less index entry from its manifest and config, fetching each digest once', async () => {
    const index = blob(
      {
        schemaVersion: 2,
        manifests: [
          {
            mediaType: manifest.mediaType,
            digest: manifest.digest,
            size: manifest.bytes.length,
          },
        ],
      },
      MediaTypes.ociIndex,
    );
    const s = await server((req, res) => {
      if (
        !serveContent(req.url!, res, {
          manifests: {
            'app:1': index,
            'app:2': index,
            [`app:${manifest.digest}`]: manifest,
          },
          blobs: [config],
        })
      ) {
        res.writeHead(404).end();
      }
    });
    const c = client([s.host]);
    expect(await c.describe(`${s.host}/app:1`)).toEqual({
      platforms: [WS2022],
    });
    expect(await c.describe(`${s.host}/app:2`)).toEqual({
      platforms: [WS2022],
    });
    expect(await c.describe(`${s.host}/app@${manifest.digest}`)).toEqual({
      platforms: [WS2022],
    });
    expect(c.stats()).toEqual({
      manifestRequests: 3,
      blobRequests: 1,
      tokenRequests: 0,
      cacheHits: 4,
    });
    expect(s.requests.map(r => r.url)).toEqual([
      '/v2/app/manifests/1',
      `/v2/app/manifests/${manifest.digest}`,
      `/v2/app/blobs/${config.digest}`,
      '/v2/app/manifests/2',
    ]);
  });

  it('sends the Accept header with the four manifest media types', async () => {
    const index = indexOf([WS2022]);
    const s = await server((req, res) =>
      serveContent(req.url!, res, { manifests: { 'app:1': index } }),
    );
    await client([s.host]).describe(`${s.host}/app:1`);
    expect(s.requests[0].headers.accept).toBe(
      [
        MediaTypes.ociIndex,
        MediaTypes.dockerManifestList,
        MediaTypes.ociManifest,
        MediaTypes.dockerManifest,
      ].join(', '),
    );
  });
});
