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

describe('ACR token exchange', () => {
  const ENTRA = 'entra-access-token-value';

  async function acr(options: { failExchange?: boolean } = {}) {
    const registry = await server((req, res) => {
      const form = new URLSearchParams(req.body);
      if (req.url === '/oauth2/exchange') {
        if (options.failExchange) {
          sendJson(res, 401, {
            errors: [
              {
                code: 'UNAUTHORIZED',
                message: `bad token ${form.get('access_token')}`,
              },
            ],
          });
        } else if (
          form.get('grant_type') === 'access_token' &&
          form.get('access_token') === ENTRA
        ) {
          sendJson(res, 200, {
            refresh_token: `refresh-for-${form.get('service')}`,
          });
        } else sendJson(res, 400, {});
      } else if (req.url === '/oauth2/token') {
        const ok =
          form.get('grant_type') === 'refresh_token' &&
          form.get('refresh_token') === `refresh-for-${registry.host}`;
        if (ok)
          sendJson(res, 200, {
            access_token: `access-for-${form.get('scope')}`,
          });
        else sendJson(res, 401, {});
      } else {
        const repo = /^\/v2\/(.+)\/manifests\//.exec(req.url!)?.[1];
        if (
          req.headers.authorization !==
          `Bearer access-for-repository:${repo}:pull`
        ) {
          res
            .writeHead(401, {
              'www-authenticate': `Bearer realm="http://${registry.host}/oauth2/token",service="${registry.host}"`,
            })
            .end();
        } else serveContent(req.url!, res, { manifests });
      }
    });
    return registry;
  }

  it('exchanges the Entra token once for a refresh token, then gets an access token per scope', async () => {
    const registry = await acr();
    const entraToken = jest.fn(async () => ENTRA);
    const c = client([registry.host], {
      credentials: [{ host: registry.host, type: 'acr' }],
      entraToken,
    });
    expect(await c.describe(`${registry.host}/team/a:1`)).toEqual({
      platforms: [WS2022],
    });
    expect(await c.describe(`${registry.host}/team/b:1`)).toEqual({
      platforms: [WS2022],
    });
    expect(entraToken).toHaveBeenCalledTimes(1);
    const calls = registry.requests.filter(r => r.url.startsWith('/oauth2/'));
    expect(
      calls.map(r => [r.method, r.url, r.headers['content-type']]),
    ).toEqual([
      ['POST', '/oauth2/exchange', 'application/x-www-form-urlencoded'],
      ['POST', '/oauth2/token', 'application/x-www-form-urlencoded'],
      ['POST', '/oauth2/token', 'application/x-www-form-urlencoded'],
    ]);
    expect(Object.fromEntries(new URLSearchParams(calls[0].body))).toEqual({
      grant_type: 'access_token',
      service: registry.host,
      access_token: ENTRA,
    });
    expect(Object.fromEntries(new URLSearchParams(calls[2].body))).toEqual({
      grant_type: 'refresh_token',
      service: registry.host,
      scope: 'repository:team/b:pull',
      refresh_token: `refresh-for-${registry.host}`,
    });
    expect(c.stats().tokenRequests).toBe(3);
  });

  it('reports a refused exchange without the Entra token', async () => {
    const registry = await acr({ failExchange: true });
    const warnings: string[] = [];
    const c = client([registry.host], {
      credentials: [{ host: registry.host, type: 'acr' }],
      entraToken: async () => ENTRA,
      logger: {
        debug: () => {},
        warn: (m, meta) => warnings.push(m + JSON.stringify(meta)),
      },
    });
    const record = await c.describe(`${registry.host}/team/a:1`);
    expect(record.error).toBe(
      `token server ${registry.host} refused a token for the ACR exchange: 401 Unauthorized (UNAUTHORIZED: bad token ***)`,
    );
    expect(warnings.join()).not.toContain(ENTRA);
  });

  it('reports an Entra token source that fails', async () => {
    const registry = await acr();
    const record = await client([registry.host], {
      credentials: [{ host: registry.host, type: 'acr' }],
      entraToken: async () => {
        throw new Error('no managed identity');
      },
    }).describe(`${registry.host}/team/a:1`);
    expect(record.error).toBe(
      `could not get an Entra token for ${registry.host}: no managed identity`,
    );
  });

  it('does not send the refresh token to a realm on another host', async () => {
    const registry = await acr();
    const elsewhere = await server((_req, res) => sendJson(res, 200, {}));
    const other = await server((_req, res) =>
      res
        .writeHead(401, {
          'www-authenticate': `Bearer realm="${elsewhere.url}/oauth2/token",service="x"`,
        })
        .end(),
    );
    const record = await client([registry.host, other.host, elsewhere.host], {
      credentials: [{ host: other.host, type: 'acr' }],
      entraToken: async () => ENTRA,
    }).describe(`${other.host}/team/a:1`);
    expect(record.error).toBe(
      `${other.host} asks for ACR tokens from ${elsewhere.host}: an ACR refresh token is sent to the registry's own host only`,
    );
    expect(elsewhere.connections).toBe(0);
  });
});
