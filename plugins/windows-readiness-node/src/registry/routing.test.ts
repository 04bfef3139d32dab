import net from 'node:net';
import { parseImageReference } from './reference';
import { RegistryRouting } from './routing';
import {
  configBlob,
  imageManifest,
  serveContent,
} from './__testUtils__/fakeContent';
import { registryTestHarness } from './__testUtils__/harness';

const WS2022 = {
  os: 'windows',
  architecture: 'amd64',
  osVersion: '10.0.20348.2849',
  osFeatures: ['win32k'],
};
const { server, client } = registryTestHarness({ retries: 0 });

describe('RegistryRouting', () => {
  const routing = new RegistryRouting({
    allowHosts: ['*.azurecr.io', 'docker.io', '127.0.0.1:5000'],
    insecureHosts: ['127.0.0.1:5000'],
    mirrors: [
      { host: 'mcr.microsoft.com', endpoint: 'https://127.0.0.1:8443/' },
    ],
  });

  it.each([
    [
      'myreg.azurecr.io/app:1',
      'https://myreg.azurecr.io/v2/app/manifests/1',
      'myreg.azurecr.io',
    ],
    [
      'nginx:1.27',
      'https://registry-1.docker.io/v2/library/nginx/manifests/1.27',
      'docker.io',
    ],
    [
      '127.0.0.1:5000/app:1',
      'http://127.0.0.1:5000/v2/app/manifests/1',
      '127.0.0.1:5000',
    ],
    [
      'mcr.microsoft.com/windows/nanoserver:ltsc2022',
      'https://127.0.0.1:8443/v2/windows/nanoserver/manifests/ltsc2022?ns=mcr.microsoft.com',
      '127.0.0.1:8443 (mirror of mcr.microsoft.com)',
    ],
  ])('%s goes to %s', (reference, url, label) => {
    const ref = parseImageReference(reference);
    const target = routing.target(ref);
    expect(
      routing
        .url(target, ref.repository, 'manifests', ref.reference)
        .toString(),
    ).toBe(url);
    expect(target.label).toBe(label);
  });

  it('allows mirror endpoints and Docker Hub hosts, and plain http for insecure hosts only', () => {
    expect(routing.isAllowed('127.0.0.1:8443')).toBe(true);
    expect(routing.isAllowed('registry-1.docker.io')).toBe(true);
    expect(routing.isAllowed('127.0.0.1:8444')).toBe(false);
    expect(routing.allowsRegistry('mcr.microsoft.com')).toBe(false);
    expect(routing.isInsecure('127.0.0.1:5000')).toBe(true);
    expect(routing.isInsecure('127.0.0.1:8443')).toBe(false);
  });

  it('refuses mirror endpoints that are not plain URLs', () => {
    const mirror = (endpoint: string) => () =>
      new RegistryRouting({
        allowHosts: [],
        mirrors: [{ host: 'r.io', endpoint }],
      });
    expect(mirror('not a url')).toThrow(/is not a URL/);
    expect(mirror('ftp://127.0.0.1')).toThrow(/is not http\(s\)/);
    expect(mirror('https://u:p@127.0.0.1')).toThrow(/must not carry/);
  });
});

describe('OciRegistryClient: mirrors', () => {
  it('sends requests for a mirrored registry to the endpoint with ?ns=, and nowhere else', async () => {
    const config = configBlob(WS2022);
    const manifest = imageManifest(config);
    const connect = jest.spyOn(net, 'connect');
    const mirror = await server((req, res) => {
      const url = new URL(req.url!, 'http://x');
      const path = url.pathname.replace(/^\/cache/, '');
      if (
        url.searchParams.get('ns') !== 'mcr.microsoft.com' ||
        !serveContent(path, res, {
          manifests: { 'windows/servercore:ltsc2022': manifest },
          blobs: [config],
        })
      ) {
        res.writeHead(404).end();
      }
    });
    const c = client(['mcr.microsoft.com'], {
      insecureHosts: [],
      mirrors: [
        {
          host: 'mcr.microsoft.com',
          endpoint: `http://${mirror.host}/cache/v2/`,
        },
      ],
    });
    expect(
      await c.describe('mcr.microsoft.com/windows/servercore:ltsc2022'),
    ).toEqual({ platforms: [WS2022] });
    expect(mirror.requests.map(r => r.url)).toEqual([
      '/cache/v2/windows/servercore/manifests/ltsc2022?ns=mcr.microsoft.com',
      `/cache/v2/windows/servercore/blobs/${config.digest}?ns=mcr.microsoft.com`,
    ]);
    for (const [options] of connect.mock.calls as any[]) {
      expect(options.host).toBe('127.0.0.1');
    }
    // a registry that is not allowed stays refused, mirror or not
    const refused = client([], {
      insecureHosts: [],
      mirrors: [{ host: 'mcr.microsoft.com', endpoint: mirror.url }],
    });
    expect(
      (await refused.describe('mcr.microsoft.com/windows/servercore:ltsc2022'))
        .error,
    ).toBe('registry host mcr.microsoft.com is not in the allow-list');
  });
});
