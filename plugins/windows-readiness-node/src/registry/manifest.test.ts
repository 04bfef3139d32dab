import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeDigest, digestMismatch } from './digest';
import { MediaTypes } from './mediaTypes';
import { parseImageConfig, parseManifest } from './manifest';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '__fixtures__', name));
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('parseManifest', () => {
  it('reads the platforms of an OCI index with os.version and os.features', () => {
    const parsed = parseManifest(
      fixture('oci-index-windows.json'),
      MediaTypes.ociIndex,
    );
    expect(parsed.kind).toBe('index');
    if (parsed.kind !== 'index') return;
    expect(parsed.entries.map(e => e.platform)).toEqual([
      {
        os: 'windows',
        architecture: 'amd64',
        osVersion: '10.0.17763.6532',
        osFeatures: ['win32k'],
      },
      {
        os: 'windows',
        architecture: 'amd64',
        osVersion: '10.0.20348.2849',
        osFeatures: ['win32k'],
      },
    ]);
    expect(parsed.entries.every(e => !e.attestation)).toBe(true);
  });

  it('marks attestation entries of a Docker manifest list', () => {
    const parsed = parseManifest(
      fixture('docker-manifest-list-attestations.json'),
      `${MediaTypes.dockerManifestList}; charset=utf-8`,
    );
    if (parsed.kind !== 'index') throw new Error('expected an index');
    expect(parsed.entries.map(e => e.attestation)).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(parsed.entries[1].platform).toEqual({
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8',
    });
  });

  it('reads the config descriptor of OCI and Docker manifests', () => {
    const oci = parseManifest(fixture('oci-manifest.json'), undefined);
    expect(oci).toMatchObject({
      kind: 'image',
      mediaType: MediaTypes.ociManifest,
      config: { mediaType: MediaTypes.ociConfig, size: 2345 },
    });
    const docker = parseManifest(
      fixture('docker-manifest.json'),
      MediaTypes.dockerManifest,
    );
    expect(docker).toMatchObject({
      kind: 'image',
      config: { mediaType: MediaTypes.dockerConfig },
    });
  });

  it('infers the media type from the shape when the registry says only application/json', () => {
    const index = JSON.parse(fixture('oci-index-windows.json').toString());
    delete index.mediaType;
    expect(parseManifest(json(index), 'application/json').kind).toBe('index');
  });

  const config = {
    mediaType: MediaTypes.ociConfig,
    digest: computeDigest(Buffer.from('x')),
    size: 1,
  };
  it.each([
    [
      'not json',
      Buffer.from('{"schemaVersion":'),
      MediaTypes.ociIndex,
      'not valid JSON',
    ],
    ['an array', json([]), MediaTypes.ociIndex, 'not a JSON object'],
    [
      'schema 1',
      fixture('schema1-manifest.json'),
      MediaTypes.dockerSchema1Signed,
      'schema 1',
    ],
    [
      'no schemaVersion',
      json({ manifests: [] }),
      MediaTypes.ociIndex,
      'schemaVersion is not 2',
    ],
    [
      'html',
      json({ schemaVersion: 2, manifests: [] }),
      'text/html',
      'unexpected Content-Type "text/html"',
    ],
    [
      'disagreeing media types',
      json({ schemaVersion: 2, mediaType: MediaTypes.ociManifest, config }),
      MediaTypes.ociIndex,
      'does not match',
    ],
    [
      'an artifact media type',
      json({ schemaVersion: 2, mediaType: 'application/vnd.cncf.helm.chart' }),
      'application/json',
      'unsupported manifest media type',
    ],
    [
      'neither',
      json({ schemaVersion: 2 }),
      'application/json',
      'neither an image index nor',
    ],
    [
      'index without manifests',
      json({ schemaVersion: 2 }),
      MediaTypes.ociIndex,
      'no "manifests" list',
    ],
    [
      'entry without digest',
      json({
        schemaVersion: 2,
        manifests: [{ mediaType: MediaTypes.ociManifest, size: 1 }],
      }),
      MediaTypes.ociIndex,
      'manifests[0] has no valid digest',
    ],
    [
      'entry with bad size',
      json({ schemaVersion: 2, manifests: [{ ...config, size: -1 }] }),
      MediaTypes.ociIndex,
      'manifests[0] has no valid size',
    ],
    [
      'platform without os',
      json({
        schemaVersion: 2,
        manifests: [{ ...config, platform: { architecture: 'amd64' } }],
      }),
      MediaTypes.ociIndex,
      'manifests[0].platform: "os" is missing',
    ],
    [
      'numeric os.version',
      json({
        schemaVersion: 2,
        manifests: [
          {
            ...config,
            platform: {
              os: 'windows',
              architecture: 'amd64',
              'os.version': 10,
            },
          },
        ],
      }),
      MediaTypes.ociIndex,
      '"os.version" is not a string',
    ],
    [
      'os.features not a list',
      json({
        schemaVersion: 2,
        manifests: [
          {
            ...config,
            platform: {
              os: 'windows',
              architecture: 'amd64',
              'os.features': 'win32k',
            },
          },
        ],
      }),
      MediaTypes.ociIndex,
      '"os.features" is not a list',
    ],
    [
      'manifest without config',
      json({ schemaVersion: 2, layers: [] }),
      MediaTypes.ociManifest,
      'manifest config is not an object',
    ],
    [
      'layers not a list',
      json({ schemaVersion: 2, config, layers: {} }),
      MediaTypes.ociManifest,
      '"layers" is not a list',
    ],
  ])('refuses %s', (_what, bytes, contentType, message) => {
    expect(() => parseManifest(bytes, contentType)).toThrow(message);
  });
});

describe('parseImageConfig', () => {
  it('reads a Windows config', () => {
    expect(parseImageConfig(fixture('config-windows.json'))).toEqual({
      os: 'windows',
      architecture: 'amd64',
      osVersion: '10.0.20348.2849',
      osFeatures: ['win32k'],
    });
  });

  it('reads the variant of a Linux config', () => {
    expect(parseImageConfig(fixture('config-linux-arm.json'))).toEqual({
      os: 'linux',
      architecture: 'arm',
      variant: 'v7',
    });
  });

  it('refuses a config without os', () => {
    expect(() => parseImageConfig(json({ architecture: 'amd64' }))).toThrow(
      'image config: "os" is missing',
    );
  });
});

describe('digests', () => {
  it('verifies sha256 and sha512 content and names what is wrong', () => {
    const bytes = Buffer.from('hello');
    expect(digestMismatch(computeDigest(bytes), bytes)).toBeUndefined();
    expect(
      digestMismatch(computeDigest(bytes, 'sha512'), bytes),
    ).toBeUndefined();
    expect(digestMismatch(computeDigest(bytes), Buffer.from('x'))).toMatch(
      /does not match/,
    );
    expect(digestMismatch(`md5:${'a'.repeat(32)}`, bytes)).toMatch(
      /cannot verify digest algorithm "md5"/,
    );
  });
});
