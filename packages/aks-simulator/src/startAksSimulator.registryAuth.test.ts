import { loadDemoFleet, trustingFetch } from './__testUtils__/simulator';
import { startAksSimulator, type RunningSimulator } from './startAksSimulator';

const ACR = 'winreadydemo.azurecr.io';

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

describe('OCI registry with bearer auth (Docker token and ACR exchange flows)', () => {
  let sim: RunningSimulator;
  let call: ReturnType<typeof trustingFetch>;
  const credentials = { username: 'puller', password: 's3cret' };

  beforeAll(async () => {
    const fleet = loadDemoFleet();
    fleet.images![`${ACR}/broken/app:1.0`] = {
      platforms: [],
      error: 'upstream registry unavailable',
    };
    sim = await startAksSimulator({
      fleet,
      quiet: true,
      registryAuth: 'bearer',
      registryCredentials: credentials,
    });
    call = trustingFetch(sim);
  });
  afterAll(async () => {
    await call.close();
    await sim.stop();
  });

  async function token(scope: string, authorization: string) {
    const challenge = (await call('/v2/')).headers.get('www-authenticate')!;
    const realm = /realm="([^"]+)"/.exec(challenge)![1];
    const service = /service="([^"]+)"/.exec(challenge)![1];
    return call(
      `${realm}?service=${service}&scope=${encodeURIComponent(scope)}`,
      {
        headers: { authorization },
      },
    );
  }

  /** The manifest, with a pull token for its repository. */
  async function pullManifest(repository: string, reference: string) {
    const granted = (await (
      await token(`repository:${repository}:pull`, basic('puller', 's3cret'))
    ).json()) as any;
    return call(`/v2/${repository}/manifests/${reference}?ns=${ACR}`, {
      headers: { authorization: `Bearer ${granted.access_token}` },
    });
  }

  it('challenges with a Bearer realm at /oauth2/token', async () => {
    const response = await call(
      `/v2/orders/api/manifests/1.4.2-1803?ns=${ACR}`,
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer realm="${sim.url}/oauth2/token",service="aks-simulator",scope="repository:orders/api:pull"`,
    );
  });

  it('grants a pull token for basic credentials; the token opens that repository only', async () => {
    const granted = await token(
      'repository:orders/api:pull',
      basic('puller', 's3cret'),
    );
    expect(granted.status).toBe(200);
    const body = (await granted.json()) as any;
    expect(body.token).toBe(body.access_token);
    const auth = { authorization: `Bearer ${body.access_token}` };
    expect(
      (
        await call(`/v2/orders/api/manifests/1.4.2-1803?ns=${ACR}`, {
          headers: auth,
        })
      ).status,
    ).toBe(200);
    const other = await call(`/v2/catalog/web/manifests/3.2.0?ns=${ACR}`, {
      headers: auth,
    });
    expect(other.status).toBe(401);
    expect(other.headers.get('www-authenticate')).toContain(
      'error="insufficient_scope"',
    );
    expect(sim.requestCounts()['registry.token']).toBeGreaterThan(0);
  });

  it('refuses a token for wrong credentials', async () => {
    const refused = await token(
      'repository:orders/api:pull',
      basic('puller', 'wrong'),
    );
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({
      errors: [{ code: 'UNAUTHORIZED' }],
    });
  });

  it('exchanges an Entra token for a refresh token, then a refresh token for an access token', async () => {
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const exchanged = await call(
      '/oauth2/exchange',
      form({
        grant_type: 'access_token',
        service: ACR,
        access_token: 'entra-token',
      }),
    );
    expect(exchanged.status).toBe(200);
    const { refresh_token } = (await exchanged.json()) as any;
    expect(refresh_token).toEqual(expect.any(String));

    const accessed = await call(
      '/oauth2/token',
      form({
        grant_type: 'refresh_token',
        service: ACR,
        scope: 'repository:catalog/web:pull',
        refresh_token,
      }),
    );
    expect(accessed.status).toBe(200);
    const { access_token } = (await accessed.json()) as any;
    const manifest = await call(`/v2/catalog/web/manifests/3.2.0?ns=${ACR}`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(manifest.status).toBe(200);

    // ACR also takes the refresh token as the password of basic credentials.
    const viaBasic = await token(
      'repository:catalog/web:pull',
      basic('00000000-0000-0000-0000-000000000000', refresh_token),
    );
    expect(viaBasic.status).toBe(200);

    const empty = await call(
      '/oauth2/exchange',
      form({ grant_type: 'access_token', service: ACR, access_token: '' }),
    );
    expect(empty.status).toBe(401);
  });

  it('answers 500 for a fleet image that carries an error', async () => {
    const response = await pullManifest('broken/app', '1.0');
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      errors: [{ code: 'UNKNOWN', message: 'upstream registry unavailable' }],
    });
  });

  it('answers the status a fleet image error names, as the registry did', async () => {
    const response = await pullManifest('billing/api', '7.3');
    // The demo fleet records a 401 for billing-api's image.
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(await response.json()).toMatchObject({
      errors: [
        {
          code: 'UNAUTHORIZED',
          message: expect.stringContaining('401 Unauthorized'),
        },
      ],
    });
  });
});

describe('OCI registry with basic auth', () => {
  it('challenges with Basic and lets the credentials through', async () => {
    const sim = await startAksSimulator({
      fleet: loadDemoFleet(),
      quiet: true,
      registryAuth: 'basic',
      registryCredentials: { username: 'u', password: 'p' },
    });
    const call = trustingFetch(sim);
    try {
      const anonymous = await call(
        `/v2/orders/api/manifests/1.4.2-1803?ns=${ACR}`,
      );
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe(
        'Basic realm="aks-simulator"',
      );
      const wrong = await call('/v2/', {
        headers: { authorization: basic('u', 'x') },
      });
      expect(wrong.status).toBe(401);
      const right = await call(
        `/v2/orders/api/manifests/1.4.2-1803?ns=${ACR}`,
        {
          headers: { authorization: basic('u', 'p') },
        },
      );
      expect(right.status).toBe(200);
    } finally {
      await call.close();
      await sim.stop();
    }
  });
});
