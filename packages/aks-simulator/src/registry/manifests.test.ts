import { createHash } from 'node:crypto';
import {
  acceptedTypes,
  buildImageArtifacts,
  configBlob,
  MEDIA_TYPES,
  negotiateManifest,
  platformObject,
} from './manifests';

const sha = (bytes: Buffer) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

const ltsc2019 = {
  os: 'windows',
  architecture: 'amd64',
  osVersion: '10.0.17763.6532',
  osFeatures: ['win32k'],
};
const ltsc2022 = { ...ltsc2019, osVersion: '10.0.20348.2849' };
const arm64 = { os: 'linux', architecture: 'arm64', variant: 'v8' };

describe('manifests', () => {
  it.each([
    [
      ltsc2019,
      {
        architecture: 'amd64',
        os: 'windows',
        'os.version': '10.0.17763.6532',
        'os.features': ['win32k'],
      },
    ],
    [arm64, { architecture: 'arm64', os: 'linux', variant: 'v8' }],
    [
      { os: 'windows', architecture: 'amd64', osFeatures: [] },
      { architecture: 'amd64', os: 'windows' },
    ],
  ])('platform %j -> %j', (platform, expected) => {
    expect(platformObject(platform)).toEqual(expected);
  });

  it('gives every content the sha256 of its exact bytes', () => {
    const artifacts = buildImageArtifacts({ platforms: [ltsc2019, ltsc2022] });
    for (const content of [
      artifacts.oci,
      artifacts.docker,
      ...artifacts.ociManifests,
      ...artifacts.dockerManifests,
      ...artifacts.blobs,
    ]) {
      expect(content.digest).toBe(sha(content.bytes));
    }
  });

  it('builds an index for several platforms, pointing at manifests that point at configs', () => {
    const artifacts = buildImageArtifacts({ platforms: [ltsc2019, ltsc2022] });
    expect(artifacts.multiPlatform).toBe(true);
    const index = JSON.parse(artifacts.oci.bytes.toString());
    expect(index.mediaType).toBe(MEDIA_TYPES.ociIndex);
    expect(index.manifests.map((m: any) => m.digest)).toEqual(
      artifacts.ociManifests.map(m => m.digest),
    );
    const manifest = JSON.parse(artifacts.ociManifests[1].bytes.toString());
    expect(manifest.config.digest).toBe(configBlob(ltsc2022).digest);
    expect(JSON.parse(artifacts.docker.bytes.toString()).mediaType).toBe(
      MEDIA_TYPES.dockerList,
    );
    const dockerManifest = JSON.parse(
      artifacts.dockerManifests[0].bytes.toString(),
    );
    expect(dockerManifest.config.mediaType).toBe(MEDIA_TYPES.dockerConfig);
    // Same config bytes for both media type families.
    expect(dockerManifest.config.digest).toBe(configBlob(ltsc2019).digest);
  });

  it('builds a plain image manifest for one platform', () => {
    const artifacts = buildImageArtifacts({ platforms: [ltsc2019] });
    expect(artifacts.multiPlatform).toBe(false);
    expect(artifacts.oci.mediaType).toBe(MEDIA_TYPES.ociManifest);
    expect(JSON.parse(configBlob(ltsc2019).bytes.toString())).toMatchObject({
      os: 'windows',
      'os.version': '10.0.17763.6532',
      'os.features': ['win32k'],
    });
  });

  it('splits Accept headers', () => {
    expect(acceptedTypes(['a/b; q=0.5, c/d', 'E/F'])).toEqual([
      'a/b',
      'c/d',
      'e/f',
    ]);
    expect(acceptedTypes(undefined)).toEqual([]);
  });

  const multi = buildImageArtifacts({ platforms: [ltsc2019, ltsc2022] });
  const single = buildImageArtifacts({ platforms: [ltsc2019] });
  const { ociIndex, ociManifest, dockerList, dockerManifest } = MEDIA_TYPES;
  it.each([
    ['multi', undefined, ociIndex],
    ['multi', '*/*', ociIndex],
    ['multi', `${ociIndex}, ${dockerList}`, ociIndex],
    ['multi', `${dockerList}, ${dockerManifest}`, dockerList],
    ['multi', `${ociManifest}`, ociManifest],
    ['multi', `${dockerManifest}`, dockerManifest],
    ['single', undefined, ociManifest],
    ['single', `${ociManifest}, ${dockerManifest}`, ociManifest],
    ['single', `${dockerManifest}`, dockerManifest],
    ['single', `${dockerList}, ${dockerManifest}`, dockerManifest],
    ['single', 'application/json', ociManifest],
  ])('%s image, Accept %j -> %s', (which, accept, expected) => {
    const artifacts = which === 'multi' ? multi : single;
    expect(negotiateManifest(artifacts, accept).mediaType).toBe(expected);
  });
});
