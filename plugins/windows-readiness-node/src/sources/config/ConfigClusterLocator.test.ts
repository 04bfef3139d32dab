import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { readSourcesConfig } from '../../config/sourcesConfig';
import {
  ConfigClusterLocator,
  KubernetesPluginClusterLocator,
} from './ConfigClusterLocator';

describe('ConfigClusterLocator', () => {
  it('reaches clusters by URL, kubeconfig file or in-cluster', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winready-kubeconfig-'));
    const kubeconfigPath = join(dir, 'config');
    writeFileSync(kubeconfigPath, 'apiVersion: v1\nkind: Config\n');
    const config = readSourcesConfig(
      new ConfigReader({
        windowsReadiness: {
          kubernetes: {
            clusters: [
              {
                name: 'a',
                url: 'https://127.0.0.1:6443',
                token: 't',
                caData: 'Y2E=',
              },
              { name: 'b', kubeconfigPath },
              { name: 'c', inCluster: true },
            ],
          },
        },
      }),
    );
    const { clusters } = await new ConfigClusterLocator(
      config.kubernetes.clusters,
    ).locate();
    const connections = await Promise.all(clusters.map(c => c.connect()));
    expect(connections).toEqual([
      {
        server: 'https://127.0.0.1:6443',
        caData: 'Y2E=',
        token: 't',
        skipTLSVerify: undefined,
      },
      { server: '', kubeconfig: 'apiVersion: v1\nkind: Config\n' },
      { server: '', inCluster: true },
    ]);
  });

  it.each([
    [{ name: 'x' }],
    [{ name: 'x', url: 'https://127.0.0.1', inCluster: true }],
  ])('wants exactly one way to reach %j', cluster => {
    expect(() =>
      readSourcesConfig(
        new ConfigReader({
          windowsReadiness: { kubernetes: { clusters: [cluster] } },
        }),
      ),
    ).toThrow(
      /windowsReadiness\.kubernetes\.clusters\[0\]': give exactly one of url, kubeconfigPath or inCluster/,
    );
  });
});

describe('KubernetesPluginClusterLocator', () => {
  it("reuses the Kubernetes plugin's service-account clusters and names the others", async () => {
    const located = await new KubernetesPluginClusterLocator(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'sa',
                  url: 'https://127.0.0.1:6443',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'tok',
                  caData: 'Y2E=',
                },
                {
                  name: 'user',
                  url: 'https://127.0.0.1:6444',
                  authProvider: 'aks',
                },
              ],
            },
          ],
        },
      }),
    ).locate();
    expect(located.clusters.map(c => [c.name, c.source])).toEqual([
      ['sa', 'kubernetes-plugin'],
    ]);
    expect(await located.clusters[0].connect()).toMatchObject({
      server: 'https://127.0.0.1:6443',
      token: 'tok',
      caData: 'Y2E=',
    });
    expect(located.errors).toEqual([
      expect.objectContaining({
        errorType: 'UNSUPPORTED_AUTH_PROVIDER',
        resourcePath: 'kubernetes.clusterLocatorMethods[1].clusters[1]',
        message: expect.stringMatching(/"user" uses authProvider aks/),
      }),
    ]);
  });
});
