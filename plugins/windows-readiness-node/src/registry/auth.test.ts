import { indexOf, serveContent } from './__testUtils__/fakeContent';
import { sendJson } from './__testUtils__/tinyServer';
import { registryTestHarness } from './__testUtils__/harness';

const WS2022 = {
  os: 'windows',
  architecture: 'amd64',
  osVersion: '10.0.20348.2849',
};
const index = indexOf([WS2022]);
const manifests = { 'team/a:1': index, 'team/a:2': index, 'team/b:1': index };
const { server, client } = registryTestHarness({ retries: 0 });

/** A registry that wants `Bearer <token for scope>` and names `realm` in its challenge. */
async function bearerRegistry(realm: () => string) {
  const registry = await server((req, res) => {
    const repo = /^\/v2\/(.+)\/manifests\//.exec(req.url!)?.[1];
    const scope = `repository:${repo}:pull`;
    if (req.headers.authorization !== `Bearer token-for-${scope}`) {
      res
        .writeHead(401, {
          'www-authenticate': `Bearer realm="${realm()}",service="${
            registry.host
          }",scope="${scope}"`,
        })
        .end();
    } else {
      serveContent(req.url!, res, { manifests });
    }
  });
  return registry;
}

describe('bearer token challenge', () => {
  it('gets a token from the realm, caches it per host and scope, and authenticates up front afterwards', async () => {
    const tokens = await server((req, res) => {
      const url = new URL(req.url!, 'http://x');
      sendJson(res, 200, {
        token: `token-for-${url.searchParams.get('scope')}`,
        expires_in: 300,
      });
    });
    const registry = await bearerRegistry(() => `${tokens.url}/token`);
    const c = client([registry.host, tokens.host], {
      credentials: [
        { host: registry.host, username: 'u', password: 'registry-password' },
      ],
    });
    for (const ref of ['team/a:1', 'team/a:2', 'team/b:1', 'team/a:1']) {
      expect(await c.describe(`${registry.host}/${ref}`)).toEqual({
        platforms: [WS2022],
      });
    }
    expect(tokens.requests.map(r => r.url)).toEqual([
      `/token?service=${encodeURIComponent(
        registry.host,
      )}&scope=${encodeURIComponent('repository:team/a:pull')}`,
      `/token?service=${encodeURIComponent(
        registry.host,
      )}&scope=${encodeURIComponent('repository:team/b:pull')}`,
    ]);
    // the realm is on another host: the registry's password is not sent there
    expect(
      tokens.requests.every(r => r.headers.authorization === undefined),
    ).toBe(true);
    // one 401 for the host, then tokens up front
    expect(registry.requests.map(r => r.headers.authorization ?? '-')).toEqual([
      '-',
      'Bearer token-for-repository:team/a:pull',
      'Bearer token-for-repository:team/a:pull',
      'Bearer token-for-repository:team/b:pull',
    ]);
    expect(c.stats()).toMatchObject({
      manifestRequests: 3,
      tokenRequests: 2,
      cacheHits: 1,
    });
  });

  it('sends Basic credentials to a realm on the registry host itself', async () => {
    const registry = await server((req, res) => {
      if (req.url!.startsWith('/oauth2/token')) {
        const ok =
          req.headers.authorization ===
          `Basic ${Buffer.from('u:pw-1234').toString('base64')}`;
        if (ok)
          sendJson(res, 200, {
            access_token: 'token-for-repository:team/a:pull',
          });
        else sendJson(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] });
      } else if (
        req.headers.authorization !== 'Bearer token-for-repository:team/a:pull'
      ) {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${registry.host}/oauth2/token",service="svc"`,
          })
          .end();
      } else serveContent(req.url!, res, { manifests });
    });
    expect(
      await client([registry.host], {
        credentials: [
          { host: registry.host, username: 'u', password: 'pw-1234' },
        ],
      }).describe(`${registry.host}/team/a:1`),
    ).toEqual({ platforms: [WS2022] });
    const wrong = await client([registry.host], {
      credentials: [
        { host: registry.host, username: 'u', password: 'wrong-pw' },
      ],
    }).describe(`${registry.host}/team/a:1`);
    expect(wrong.error).toBe(
      `token server ${registry.host} refused a token for repository:team/a:pull: 401 Unauthorized (UNAUTHORIZED)`,
    );
  });

  it('refuses a realm outside the allow-list without contacting it', async () => {
    const tokens = await server((_req, res) =>
      sendJson(res, 200, { token: 'x' }),
    );
    const registry = await bearerRegistry(() => `${tokens.url}/token`);
    const record = await client([registry.host]).describe(
      `${registry.host}/team/a:1`,
    );
    expect(record.error).toBe(
      `${registry.host} asks for tokens from ${tokens.host}, which is not in the allow-list`,
    );
    expect(tokens.connections).toBe(0);
  });

  it('reports a token server that answers without a token', async () => {
    const tokens = await server((_req, res) =>
      sendJson(res, 200, { nothing: true }),
    );
    const registry = await bearerRegistry(() => `${tokens.url}/token`);
    const record = await client([registry.host, tokens.host]).describe(
      `${registry.host}/team/a:1`,
    );
    expect(record.error).toBe(
      `token server ${tokens.host} answered without token or access_token`,
    );
  });
});
