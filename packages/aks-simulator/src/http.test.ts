import {
  basicCredentials,
  bearerToken,
  isLoopback,
  Router,
  type Route,
} from './http';

const route = (methods: string[], pattern: RegExp, kind: string): Route => ({
  area: 'arm',
  methods,
  pattern,
  kind,
  handle: () => ({ status: 200 }),
});

describe('Router', () => {
  const router = new Router().add(
    route(['GET'], /^\/a\/([^/]+)$/, 'a.get'),
    route(['PUT'], /^\/a\/([^/]+)$/, 'a.put'),
    route(['POST'], /^\/b$/, 'b.post'),
  );

  it.each([
    ['GET', '/a/x%20y', 'a.get', ['x y']],
    ['HEAD', '/a/x', 'a.get', ['x']],
    ['PUT', '/a/x', 'a.put', ['x']],
  ])('%s %s -> %s', (method, path, kind, params) => {
    const match = router.match(method, path) as any;
    expect(match.route.kind).toBe(kind);
    expect(match.params).toEqual(params);
  });

  it('tells a wrong method from an unknown path', () => {
    expect(router.match('GET', '/b')).toHaveProperty('methodNotAllowed');
    expect(router.match('GET', '/c')).toBeUndefined();
  });
});

describe('request helpers', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer  abc ', 'abc'],
    ['Bearer ', undefined],
    ['Basic abc', undefined],
  ])('bearer of %j is %j', (authorization, expected) => {
    expect(bearerToken({ headers: { authorization } })).toBe(expected);
  });

  it('reads basic credentials, passwords with colons included', () => {
    const authorization = `Basic ${Buffer.from('user:pa:ss').toString(
      'base64',
    )}`;
    expect(basicCredentials({ headers: { authorization } })).toEqual({
      username: 'user',
      password: 'pa:ss',
    });
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['10.0.0.1', false],
    ['::', false],
    [undefined, false],
  ])('%s is loopback: %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
