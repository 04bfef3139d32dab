import type { SimRequest } from '../http';
import { pullScopes, RegistryAuth } from './auth';

const request = (authorization?: string): SimRequest => ({
  method: 'GET',
  path: '/v2/',
  query: new URLSearchParams(),
  headers: authorization ? { authorization } : {},
  body: Buffer.alloc(0),
  baseUrl: 'https://127.0.0.1:1',
});
const basic = (u: string, p: string) =>
  `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

describe('pullScopes', () => {
  it.each([
    [['repository:orders/api:pull'], ['orders/api']],
    [['repository:orders/api:pull,push'], ['orders/api']],
    [['repository:orders/api:push'], []],
    [['repository:a:pull repository:b:*'], ['a', 'b']],
    [['registry:catalog:*'], []],
    [['repository:host:5000/app:pull'], ['host:5000/app']],
    [[], []],
  ])('%j -> %j', (scopes, expected) => {
    expect(pullScopes(scopes)).toEqual(expected);
  });
});

describe('RegistryAuth', () => {
  it.each([
    ['anonymous', undefined, true],
    ['basic', undefined, false],
    ['basic', basic('u', 'p'), true],
    ['basic', basic('u', 'x'), false],
    ['bearer', undefined, false],
    ['bearer', 'Bearer made-up', false],
  ] as const)('%s with %j lets in: %s', (mode, authorization, allowed) => {
    const auth = new RegistryAuth(mode, { username: 'u', password: 'p' });
    expect(auth.check(request(authorization), 'app') === undefined).toBe(
      allowed,
    );
  });

  it('accepts any non-empty pair when no credentials are configured', () => {
    const auth = new RegistryAuth('basic');
    expect(auth.validCredentials({ username: 'a', password: 'b' })).toBe(true);
    expect(auth.validCredentials({ username: 'a', password: '' })).toBe(false);
  });

  it('scopes access tokens to the repositories granted', () => {
    const auth = new RegistryAuth('bearer', { username: 'u', password: 'p' });
    expect(
      auth.accessToken({ scopes: ['repository:app:pull'] }),
    ).toBeUndefined();
    const granted = auth.accessToken({
      scopes: ['repository:app:pull'],
      credentials: { username: 'u', password: 'p' },
    })!;
    const bearer = request(`Bearer ${granted.access_token}`);
    expect(auth.check(bearer, 'app')).toBeUndefined();
    expect(auth.check(bearer)).toBeUndefined();
    expect(auth.check(bearer, 'other')?.status).toBe(401);
    // A refresh token is not an access token, and vice versa.
    const refresh = auth.refreshToken();
    expect(auth.check(request(`Bearer ${refresh}`), 'app')?.status).toBe(401);
    expect(
      auth.accessToken({
        scopes: [],
        refreshToken: String(granted.access_token),
      }),
    ).toBeUndefined();
    expect(
      auth.accessToken({
        scopes: ['repository:app:pull'],
        refreshToken: refresh,
      }),
    ).toBeDefined();
  });
});
