import { createHash } from 'node:crypto';
import { loadDemoFleet, trustingFetch } from './__testUtils__/simulator';
import { startAksSimulator, type RunningSimulator } from './startAksSimulator';

const ACR = 'winreadydemo.azurecr.io';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
// What containerd sends.
const ALL_TYPES = [
  OCI_INDEX,
  OCI_MANIFEST,
  DOCKER_LIST,
  DOCKER_MANIFEST,
  '*/*',
].join(', ');

function sha256(bytes: ArrayBuffer): string {
  return `sha256:${createHash('sha256')
    .update(Buffer.from(bytes))
    .digest('hex')}`;
}

describe('OCI registry (anonymous), through fetch', () => {
  let sim: RunningSimulator;
  let call: ReturnType<typeof trustingFetch>;

  beforeAll(async () => {
    sim = await startAksSimulator({ fleet: loadDemoFleet(), quiet: true });
    call = trustingFetch(sim);
  });
  afterAll(async () => {
    await call.close();
    await sim.stop();
  });

  it('answers /v2/', async () => {
    const response = await call('/v2/');
    expect(response.status).toBe(200);
    expect(response.headers.get('docker-distribution-api-version')).toBe(
      'registry/2.0',
    );
  });

  it('serves a multi-platform image as an OCI index, children and configs by digest', async () => {
    const response = await call(`/v2/catalog/web/manifests/3.2.0?ns=${ACR}`, {
      headers: { accept: ALL_TYPES },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(OCI_INDEX);
    const bytes = await response.arrayBuffer();
    expect(response.headers.get('docker-content-digest')).toBe(sha256(bytes));
    const index = JSON.parse(Buffer.from(bytes).toString('utf8'));
    expect(index.mediaType).toBe(OCI_INDEX);
    expect(index.manifests.map((m: any) => m.platform)).toEqual([
      {
        architecture: 'amd64',
        os: 'windows',
        'os.version': '10.0.17763.6532',
        'os.features': ['win32k'],
      },
      {
        architecture: 'amd64',
        os: 'windows',
        'os.version': '10.0.20348.2849',
        'os.features': ['win32k'],
      },
    ]);

    const child = await call(
      `/v2/catalog/web/manifests/${index.manifests[1].digest}?ns=${ACR}`,
      {
        headers: { accept: OCI_MANIFEST },
      },
    );
    const childBytes = await child.arrayBuffer();
    expect(sha256(childBytes)).toBe(index.manifests[1].digest);
    expect(childBytes.byteLength).toBe(index.manifests[1].size);
    const manifest = JSON.parse(Buffer.from(childBytes).toString('utf8'));
    expect(manifest.config.mediaType).toBe(
      'application/vnd.oci.image.config.v1+json',
    );

    const config = await call(
      `/v2/catalog/web/blobs/${manifest.config.digest}?ns=${ACR}`,
    );
    const configBytes = await config.arrayBuffer();
    expect(sha256(configBytes)).toBe(manifest.config.digest);
    expect(JSON.parse(Buffer.from(configBytes).toString('utf8'))).toMatchObject(
      {
        os: 'windows',
        architecture: 'amd64',
        'os.version': '10.0.20348.2849',
        'os.features': ['win32k'],
      },
    );
    const layer = await call(
      `/v2/catalog/web/blobs/${manifest.layers[0].digest}?ns=${ACR}`,
    );
    expect(sha256(await layer.arrayBuffer())).toBe(manifest.layers[0].digest);
  });

  it('serves a single-platform image as an image manifest whose config carries the platform', async () => {
    const response = await call(
      `/v2/orders/api/manifests/1.4.2-1803?ns=${ACR}`,
      {
        headers: { accept: ALL_TYPES },
      },
    );
    expect(response.headers.get('content-type')).toBe(OCI_MANIFEST);
    const manifest = (await response.json()) as any;
    const config = (await (
      await call(`/v2/orders/api/blobs/${manifest.config.digest}?ns=${ACR}`)
    ).json()) as any;
    expect(config).toMatchObject({
      os: 'windows',
      'os.version': '10.0.17134.1305',
    });
  });

  it('answers Docker schema 2 types to a client that accepts only those', async () => {
    const list = await call(`/v2/catalog/web/manifests/3.2.0?ns=${ACR}`, {
      headers: { accept: `${DOCKER_LIST}, ${DOCKER_MANIFEST}` },
    });
    expect(list.headers.get('content-type')).toBe(DOCKER_LIST);
    const body = (await list.json()) as any;
    expect(body.manifests[0].mediaType).toBe(DOCKER_MANIFEST);
    const single = await call(
      `/v2/orders/api/manifests/1.5.0-ltsc2019?ns=${ACR}`,
      {
        headers: { accept: DOCKER_MANIFEST },
      },
    );
    expect(single.headers.get('content-type')).toBe(DOCKER_MANIFEST);
    expect(((await single.json()) as any).config.mediaType).toBe(
      'application/vnd.docker.container.image.v1+json',
    );
  });

  it('answers HEAD with the digest and no body', async () => {
    const get = await call(`/v2/catalog/web/manifests/3.2.0?ns=${ACR}`);
    const head = await call(`/v2/catalog/web/manifests/3.2.0?ns=${ACR}`, {
      method: 'HEAD',
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('docker-content-digest')).toBe(
      get.headers.get('docker-content-digest'),
    );
    expect(Number(head.headers.get('content-length'))).toBe(
      (await get.arrayBuffer()).byteLength,
    );
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('finds Docker Hub images by ns=docker.io, and by repository alone without ns', async () => {
    const withNs = await call('/v2/library/nginx/manifests/1.27?ns=docker.io');
    const withoutNs = await call('/v2/library/nginx/manifests/1.27');
    expect(withNs.status).toBe(200);
    expect(withoutNs.headers.get('docker-content-digest')).toBe(
      withNs.headers.get('docker-content-digest'),
    );
  });

  it.each([
    [
      'an image the fleet does not list',
      `/v2/nothing/here/manifests/1.0?ns=${ACR}`,
    ],
    [
      'a tag the fleet does not list',
      `/v2/orders/api/manifests/9.9.9?ns=${ACR}`,
    ],
    [
      'a known repository on another host',
      '/v2/orders/api/manifests/1.4.2-1803?ns=other.example',
    ],
  ])('answers 404 MANIFEST_UNKNOWN for %s', async (_what, path) => {
    const response = await call(path);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      errors: [{ code: 'MANIFEST_UNKNOWN' }],
    });
  });
});
