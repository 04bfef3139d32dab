import type { ImageRecord } from '../model';
import { ImageCatalog, normalizeImageReference } from './imageReference';

const DIGEST = `sha256:${'a1b2c3d4'.repeat(8)}`;

describe('normalizeImageReference', () => {
  // Docker's reference normalization (distribution/reference ParseNormalizedNamed).
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['library/nginx', 'docker.io/library/nginx:latest'],
    ['library/nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['docker.io/nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['docker.io/library/nginx:latest', 'docker.io/library/nginx:latest'],
    ['index.docker.io/library/nginx', 'docker.io/library/nginx:latest'],
    ['index.docker.io/nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2'],
    ['docker.io/bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2'],
    ['localhost:5000/app:1', 'localhost:5000/app:1'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['localhost/app', 'localhost/app:latest'],
    ['localhost:5000/team/app:1', 'localhost:5000/team/app:1'],
    ['myreg.azurecr.io/a/b:tag', 'myreg.azurecr.io/a/b:tag'],
    ['myreg.azurecr.io/a/b', 'myreg.azurecr.io/a/b:latest'],
    ['myreg.azurecr.io:443/a/b', 'myreg.azurecr.io:443/a/b:latest'],
    ['myreg.azurecr.io:443/a/b:2', 'myreg.azurecr.io:443/a/b:2'],
    [
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      'mcr.microsoft.com/windows/servercore:ltsc2022',
    ],
    [
      'mcr.microsoft.com/windows/nanoserver',
      'mcr.microsoft.com/windows/nanoserver:latest',
    ],
    [`repo@${DIGEST}`, `docker.io/library/repo@${DIGEST}`],
    [`team/repo@${DIGEST}`, `docker.io/team/repo@${DIGEST}`],
    [`docker.io/repo@${DIGEST}`, `docker.io/library/repo@${DIGEST}`],
    [`myreg.azurecr.io/app@${DIGEST}`, `myreg.azurecr.io/app@${DIGEST}`],
    [`localhost:5000/app@${DIGEST}`, `localhost:5000/app@${DIGEST}`],
    [`nginx:1.27@${DIGEST}`, `docker.io/library/nginx:1.27@${DIGEST}`],
    [
      `myreg.azurecr.io:443/a/b:2@${DIGEST}`,
      `myreg.azurecr.io:443/a/b:2@${DIGEST}`,
    ],
    ['  nginx:1.27  ', 'docker.io/library/nginx:1.27'],
  ])('%s → %s', (reference, canonical) => {
    expect(normalizeImageReference(reference)).toBe(canonical);
  });

  it.each([
    'nginx',
    'docker.io/nginx:1.27',
    'localhost:5000/app',
    `nginx:1.27@${DIGEST}`,
    'myreg.azurecr.io/a/b:tag',
  ])('is idempotent for %s', reference => {
    const once = normalizeImageReference(reference);
    expect(normalizeImageReference(once)).toBe(once);
  });
});

const record = (note: string): ImageRecord => ({
  platforms: [{ os: 'windows', architecture: 'amd64', osVersion: note }],
});

describe('ImageCatalog', () => {
  const NGINX = record('nginx 1.27');
  const REDIS = record('redis latest');
  const SERVERCORE = record('servercore');
  const APP = record('app digest');
  const LOCAL = record('local');
  const catalog = new ImageCatalog({
    'nginx:1.27': NGINX,
    'docker.io/library/redis:latest': REDIS,
    'mcr.microsoft.com/windows/servercore:ltsc2022': SERVERCORE,
    [`myreg.azurecr.io/app@${DIGEST}`]: APP,
    'localhost:5000/app': LOCAL,
  });

  it.each<[string, ImageRecord | undefined]>([
    ['nginx:1.27', NGINX],
    ['docker.io/library/nginx:1.27', NGINX],
    ['docker.io/nginx:1.27', NGINX],
    ['library/nginx:1.27', NGINX],
    ['index.docker.io/library/nginx:1.27', NGINX],
    ['nginx', undefined],
    ['nginx:1.26', undefined],
    ['redis', REDIS],
    ['redis:latest', REDIS],
    ['docker.io/redis', REDIS],
    ['library/redis', REDIS],
    ['mcr.microsoft.com/windows/servercore:ltsc2022', SERVERCORE],
    ['mcr.microsoft.com/windows/servercore:ltsc2019', undefined],
    ['windows/servercore:ltsc2022', undefined],
    [`myreg.azurecr.io/app@${DIGEST}`, APP],
    [`myreg.azurecr.io/app@sha256:${'0'.repeat(64)}`, undefined],
    ['myreg.azurecr.io/app', undefined],
    ['localhost:5000/app', LOCAL],
    ['localhost:5000/app:latest', LOCAL],
    ['localhost:5001/app', undefined],
    ['constructor', undefined],
    ['toString', undefined],
    ['__proto__', undefined],
    ['hasOwnProperty', undefined],
    ['valueOf', undefined],
    ['', undefined],
  ])('get(%j)', (reference, expected) => {
    expect(catalog.get(reference)).toBe(expected);
  });

  it('prefers the exact reference over a canonical match', () => {
    const short = record('short');
    const long = record('long');
    const both = new ImageCatalog({
      nginx: short,
      'docker.io/library/nginx:latest': long,
    });
    expect(both.get('nginx')).toBe(short);
    expect(both.get('docker.io/library/nginx:latest')).toBe(long);
  });

  it('finds nothing when empty', () => {
    expect(new ImageCatalog().get('nginx')).toBeUndefined();
    expect(new ImageCatalog({}).get('constructor')).toBeUndefined();
  });

  it('finds records stored under prototype names only when given', () => {
    const odd = record('odd');
    const named = new ImageCatalog({ toString: odd });
    expect(named.get('toString')).toBe(odd);
    expect(named.get('docker.io/library/tostring:latest')).toBeUndefined();
    expect(named.get('constructor')).toBeUndefined();
  });
});
