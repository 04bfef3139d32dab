import { parseWwwAuthenticate } from './challenge';

describe('parseWwwAuthenticate', () => {
  it('reads a Docker Hub bearer challenge', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/nginx:pull',
        },
      },
    ]);
  });

  it('reads several challenges, spaces, unquoted values and escapes', () => {
    expect(
      parseWwwAuthenticate([
        'Basic realm="Registry \\"Realm\\"", charset=UTF-8',
        'BEARER Realm = https://r.io/oauth2/token , service=r.io',
      ]),
    ).toEqual([
      {
        scheme: 'basic',
        params: { realm: 'Registry "Realm"', charset: 'UTF-8' },
      },
      {
        scheme: 'bearer',
        params: { realm: 'https://r.io/oauth2/token', service: 'r.io' },
      },
    ]);
  });

  it('reads two challenges in one header', () => {
    expect(
      parseWwwAuthenticate('Basic realm="a", Bearer realm="b",scope="s"').map(
        c => [c.scheme, c.params],
      ),
    ).toEqual([
      ['basic', { realm: 'a' }],
      ['bearer', { realm: 'b', scope: 's' }],
    ]);
  });

  it('copes with a scheme alone, token68 and nothing', () => {
    expect(parseWwwAuthenticate(undefined)).toEqual([]);
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate('Negotiate')).toEqual([
      { scheme: 'negotiate', params: {} },
    ]);
    expect(
      parseWwwAuthenticate('Negotiate abc+/=, Basic realm="x"').map(
        c => c.scheme,
      ),
    ).toEqual(['negotiate', 'basic']);
  });
});
