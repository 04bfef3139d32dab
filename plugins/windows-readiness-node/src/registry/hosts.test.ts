import {
  HostAllowList,
  credentialAppliesTo,
  isLoopbackHost,
  normalizeHost,
} from './hosts';

describe('HostAllowList', () => {
  const list = new HostAllowList([
    '*.azurecr.io',
    'mcr.microsoft.com',
    '127.0.0.1:5000',
    'Registry.Example.com:443',
  ]);

  it.each([
    ['myreg.azurecr.io', true],
    ['MYREG.azurecr.io', true],
    ['azurecr.io', false],
    ['a.b.azurecr.io', false],
    ['myreg.azurecr.io:8443', false],
    ['evilazurecr.io', false],
    ['mcr.microsoft.com', true],
    ['mcr.microsoft.com.evil.com', false],
    ['127.0.0.1:5000', true],
    ['127.0.0.1:5001', false],
    ['127.0.0.1', false],
    ['registry.example.com', true],
    ['registry.example.com:443', true],
    ['docker.io', false],
  ])('%s -> %s', (host, allowed) => {
    expect(list.allows(host)).toBe(allowed);
  });

  it('allowing docker.io allows the hosts Docker Hub is served from', () => {
    const hub = new HostAllowList(['docker.io']);
    expect(hub.allows('registry-1.docker.io')).toBe(true);
    expect(hub.allows('auth.docker.io')).toBe(true);
    expect(hub.allows('production.cloudflare.docker.com')).toBe(true);
    expect(hub.allows('evil.docker.io')).toBe(false);
  });

  it('rejects URLs and non-arrays', () => {
    expect(() => new HostAllowList(['https://x.io'])).toThrow(/not URLs/);
    expect(() => new HostAllowList('x.io' as any)).toThrow(TypeError);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.1:5000', true],
    ['127.8.9.10:1', true],
    ['localhost:80', true],
    ['[::1]:5000', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['127.0.0.1.evil.com', false],
    ['localhost.evil.com', false],
    ['registry.example.com', false],
  ])('%s -> %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe('credentialAppliesTo', () => {
  it('matches the exact host only, with Docker Hub aliases', () => {
    expect(credentialAppliesTo('a.azurecr.io', 'a.azurecr.io')).toBe(true);
    expect(credentialAppliesTo('a.azurecr.io', 'b.azurecr.io')).toBe(false);
    expect(credentialAppliesTo('127.0.0.1:5000', '127.0.0.1:5001')).toBe(false);
    expect(credentialAppliesTo('docker.io', 'auth.docker.io')).toBe(true);
    expect(credentialAppliesTo('docker.io', 'registry-1.docker.io')).toBe(true);
    expect(
      credentialAppliesTo('docker.io', 'production.cloudflare.docker.com'),
    ).toBe(false);
  });

  it('normalises case and the default port', () => {
    expect(normalizeHost('A.io:443')).toBe('a.io');
    expect(credentialAppliesTo('A.io:443', 'a.io')).toBe(true);
  });
});
