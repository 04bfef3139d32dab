import {
  configBlob,
  imageManifest,
  indexOf,
  sendBlob,
  serveContent,
} from './__testUtils__/fakeContent';
import { TinyServer, sendJson } from './__testUtils__/tinyServer';
import { registryTestHarness } from './__testUtils__/harness';

const WS2019 = {
  os: 'windows',
  architecture: 'amd64',
  osVersion: '10.0.17763.6532',
};
const index = indexOf([WS2019]);
const { server, client } = registryTestHarness();

describe('timeouts and retries', () => {
  it('gives up on a server that never answers, after the timeout and each retry', async () => {
    const hung = await server(() => {
      /* never answers */
    });
    const started = Date.now();
    const record = await client([hung.host], {
      timeoutMs: 200,
      retries: 1,
    }).describe(`${hung.host}/app:1`);
    expect(record).toEqual({
      platforms: [],
      error: `request to ${hung.host} for manifest app:1 timed out after 200 ms`,
    });
    expect(hung.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('retries after a 429, waiting as long as Retry-After says', async () => {
    const times: number[] = [];
    const s = await server((req, res) => {
      times.push(Date.now());
      if (times.length === 1) {
        sendJson(
          res,
          429,
          { errors: [{ code: 'TOOMANYREQUESTS' }] },
          { 'retry-after': '1' },
        );
      } else serveContent(req.url!, res, { manifests: { 'app:1': index } });
    });
    const record = await client([s.host]).describe(`${s.host}/app:1`);
    expect(record).toEqual({ platforms: [WS2019] });
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
    expect(times[1] - times[0]).toBeLessThan(3_000);
  });

  it('does not wait for a Retry-After beyond the bound, and says why it failed', async () => {
    const s = await server((_req, res) =>
      sendJson(
        res,
        429,
        { errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] },
        { 'retry-after': '3600' },
      ),
    );
    const record = await client([s.host]).describe(`${s.host}/app:1`);
    expect(record.error).toBe(
      `${s.host} answered 429 Too Many Requests for manifest app:1 (TOOMANYREQUESTS: slow down)`,
    );
    expect(s.requests).toHaveLength(1);
  });

  it('retries a 503 with backoff, at most `retries` times', async () => {
    const s = await server((_req, res) => sendJson(res, 503, 'busy'));
    const record = await client([s.host], { retries: 2 }).describe(
      `${s.host}/app:1`,
    );
    expect(record.error).toBe(
      `${s.host} answered 503 Service Unavailable for manifest app:1 (busy)`,
    );
    expect(s.requests).toHaveLength(3);
  });

  it('reports a refused connection with the host', async () => {
    const gone = await server(() => undefined);
    await gone.stop();
    const record = await client([gone.host], { retries: 0 }).describe(
      `${gone.host}/app:1`,
    );
    expect(record.error).toBe(
      `request to ${gone.host} for manifest app:1 failed: ECONNREFUSED`,
    );
  });
});

describe('bounded concurrency', () => {
  it('keeps at most `concurrency` requests in flight', async () => {
    const s = await server(async (req, res) => {
      await new Promise(r => setTimeout(r, 30));
      const tag = req.url!.split('/').pop()!;
      serveContent(req.url!, res, { manifests: { [`app:${tag}`]: index } });
    });
    const c = client([s.host], { concurrency: 3 });
    const refs = Array.from({ length: 20 }, (_, i) => `${s.host}/app:${i}`);
    const records = await c.describeAll(refs);
    expect(Object.values(records).every(r => r.platforms.length === 1)).toBe(
      true,
    );
    expect(s.maxInFlight).toBe(3);
    expect(c.stats().manifestRequests).toBe(20);
  });
});

describe('redirects', () => {
  const config = configBlob(WS2019);
  const manifest = imageManifest(config);
  const password = 'blob-redirect-password';

  async function registryRedirectingBlobsTo(storage: () => TinyServer) {
    return server((req, res) => {
      if (!req.headers.authorization) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end();
      } else if (req.url!.includes('/blobs/')) {
        res
          .writeHead(307, {
            location: `${storage().url}/storage/${config.digest}?sig=abc`,
          })
          .end();
      } else {
        serveContent(req.url!, res, { manifests: { 'app:1': manifest } });
      }
    });
  }

  it('follows a blob redirect to another host without the Authorization header', async () => {
    const storage = await server((_req, res) => sendBlob(res, config));
    const registry = await registryRedirectingBlobsTo(() => storage);
    const c = client([registry.host, storage.host], {
      credentials: [{ host: registry.host, username: 'u', password }],
    });
    expect(await c.describe(`${registry.host}/app:1`)).toEqual({
      platforms: [WS2019],
    });
    const basic = `Basic ${Buffer.from(`u:${password}`).toString('base64')}`;
    expect(
      registry.requests.map(r => [
        r.url.split('/')[3],
        r.headers.authorization,
      ]),
    ).toEqual([
      ['manifests', undefined],
      ['manifests', basic],
      ['blobs', basic],
    ]);
    expect(storage.requests).toHaveLength(1);
    expect(storage.requests[0].url).toBe(`/storage/${config.digest}?sig=abc`);
    expect(storage.requests[0].headers.authorization).toBeUndefined();
  });

  it('refuses a redirect to a host outside the allow-list', async () => {
    const storage = await server((_req, res) => sendBlob(res, config));
    const registry = await registryRedirectingBlobsTo(() => storage);
    const c = client([registry.host], {
      credentials: [{ host: registry.host, username: 'u', password }],
    });
    const record = await c.describe(`${registry.host}/app:1`);
    expect(record.error).toBe(
      `${registry.host} redirected config blob app@${config.digest} to ${storage.host}, which is not in the allow-list`,
    );
    expect(storage.connections).toBe(0);
  });
});

describe('secrets', () => {
  it('never shows a password a registry echoes back', async () => {
    const password = 'echoed-Secret-1234';
    const s = await server((req, res) => {
      if (!req.headers.authorization) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end();
      } else {
        const decoded = Buffer.from(
          req.headers.authorization.slice(6),
          'base64',
        ).toString();
        sendJson(res, 403, {
          errors: [
            {
              code: 'DENIED',
              message: `user:password ${decoded} header ${req.headers.authorization}`,
            },
          ],
        });
      }
    });
    const record = await client([s.host], {
      credentials: [{ host: s.host, username: 'user', password }],
    }).describe(`${s.host}/app:1`);
    expect(record.error).toContain(
      `${s.host} answered 403 Forbidden for manifest app:1: access denied`,
    );
    expect(record.error).not.toContain(password);
    expect(record.error).not.toContain(
      Buffer.from(`user:${password}`).toString('base64'),
    );
  });
});
