import { normalizeHost, RegistryCatalog, splitReference } from './catalog';

describe('splitReference', () => {
  it.each([
    [
      'winreadydemo.azurecr.io/orders/api:1.5.0',
      {
        host: 'winreadydemo.azurecr.io',
        repository: 'orders/api',
        tag: '1.5.0',
      },
    ],
    [
      'nginx',
      { host: 'docker.io', repository: 'library/nginx', tag: 'latest' },
    ],
    [
      'docker.io/library/nginx:1.27',
      { host: 'docker.io', repository: 'library/nginx', tag: '1.27' },
    ],
    [
      'localhost:5000/app@sha256:abc',
      { host: 'localhost:5000', repository: 'app', digest: 'sha256:abc' },
    ],
    [
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      {
        host: 'mcr.microsoft.com',
        repository: 'windows/servercore',
        tag: 'ltsc2022',
      },
    ],
  ])('%s', (reference, expected) => {
    expect(splitReference(reference)).toEqual({
      tag: undefined,
      digest: undefined,
      ...expected,
    });
  });

  it.each([
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['WinReadyDemo.azurecr.io', 'winreadydemo.azurecr.io'],
  ])('host %s is %s', (host, expected) => {
    expect(normalizeHost(host)).toBe(expected);
  });
});

describe('RegistryCatalog', () => {
  const catalog = new RegistryCatalog({
    'a.example/app:1': { platforms: [{ os: 'linux', architecture: 'amd64' }] },
    'b.example/app:2': { platforms: [{ os: 'linux', architecture: 'arm64' }] },
    'a.example/app@sha256:feed': {
      platforms: [{ os: 'windows', architecture: 'amd64' }],
    },
  });

  it('looks repositories up by ns, or by the first host that has them', () => {
    expect(
      catalog.repository('a.example', 'app').map(e => e.reference),
    ).toEqual(['a.example/app:1', 'a.example/app@sha256:feed']);
    expect(catalog.repository('b.example', 'app').map(e => e.tag)).toEqual([
      '2',
    ]);
    expect(catalog.repository(undefined, 'app').map(e => e.host)).toEqual([
      'a.example',
      'a.example',
    ]);
    expect(catalog.repository('c.example', 'app')).toEqual([]);
    expect(catalog.hosts()).toEqual(['a.example', 'b.example']);
  });

  it('finds entries by tag or fleet digest, and content by digest', () => {
    const entries = catalog.repository('a.example', 'app');
    expect(catalog.entry(entries, '1')?.reference).toBe('a.example/app:1');
    expect(catalog.entry(entries, 'sha256:feed')?.reference).toBe(
      'a.example/app@sha256:feed',
    );
    const artifacts = catalog.artifactsOf(entries[0]);
    expect(catalog.manifestByDigest(entries, artifacts.oci.digest)).toBe(
      artifacts.oci,
    );
    expect(catalog.blobByDigest(entries, artifacts.blobs[0].digest)).toBe(
      artifacts.blobs[0],
    );
    expect(
      catalog.blobByDigest(
        catalog.repository('b.example', 'app'),
        artifacts.blobs[0].digest,
      ),
    ).toBeUndefined();
  });
});
