import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readSourcesConfig } from '@winready/plugin-windows-readiness-node';
import { noSourceWarning } from './noSourceWarning';

const SUBSCRIPTION = { id: '00000000-0000-0000-0000-000000000000' };
const STATIC_CLUSTER = { name: 'onprem', url: 'https://10.0.0.1:6443' };
const kubernetesPlugin = (...clusters: JsonObject[]) => ({
  kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters }] },
});
const pluginCluster = (authProvider: string) => ({
  name: 'aks-weu-prod',
  url: 'https://aks-weu-prod.example.com',
  authProvider,
});

const THE_KEYS = [
  'nothing will be collected',
  'windowsReadiness.azure.subscriptions',
  'windowsReadiness.kubernetes.clusters',
  'windowsReadiness.kubernetes.useKubernetesPluginClusters: true',
];

function warning(
  config: JsonObject,
  options: { extraLocators?: number; sourcesOverride?: JsonObject } = {},
) {
  const rootConfig = new ConfigReader(config);
  return noSourceWarning({
    sources: readSourcesConfig(
      options.sourcesOverride
        ? new ConfigReader(options.sourcesOverride)
        : rootConfig,
    ),
    extraLocators: options.extraLocators ?? 0,
    rootConfig,
  });
}

describe('noSourceWarning', () => {
  it.each<[string, JsonObject, number]>([
    [
      'Azure subscriptions',
      { windowsReadiness: { azure: { subscriptions: [SUBSCRIPTION] } } },
      0,
    ],
    [
      'static clusters',
      { windowsReadiness: { kubernetes: { clusters: [STATIC_CLUSTER] } } },
      0,
    ],
    [
      "the Kubernetes plugin's serviceAccount clusters",
      {
        windowsReadiness: { kubernetes: { useKubernetesPluginClusters: true } },
        ...kubernetesPlugin(pluginCluster('serviceAccount')),
      },
      0,
    ],
    ['a locator added by a module', {}, 1],
  ])('stays silent with %s', (_, config, extraLocators) => {
    expect(warning(config, { extraLocators })).toBeUndefined();
  });

  it('stays silent when a module replaces the sources with a cluster (the demo)', () => {
    expect(
      warning(
        {},
        {
          sourcesOverride: {
            windowsReadiness: { azure: { subscriptions: [SUBSCRIPTION] } },
          },
        },
      ),
    ).toBeUndefined();
  });

  it.each<[string, JsonObject, string[]]>([
    ['no windowsReadiness block', {}, []],
    [
      'registries only',
      { windowsReadiness: { registries: { allow: ['*.azurecr.io'] } } },
      [],
    ],
    [
      'an azure block without subscriptions',
      { windowsReadiness: { azure: { subscriptions: [] } } },
      ['windowsReadiness.azure lists no subscriptions'],
    ],
    [
      'useKubernetesPluginClusters with no Kubernetes plugin clusters',
      {
        windowsReadiness: { kubernetes: { useKubernetesPluginClusters: true } },
        ...kubernetesPlugin(),
      },
      ['useKubernetesPluginClusters is true, but'],
    ],
    [
      'useKubernetesPluginClusters with only user-token clusters',
      {
        windowsReadiness: { kubernetes: { useKubernetesPluginClusters: true } },
        ...kubernetesPlugin(pluginCluster('aks'), pluginCluster('oidc')),
      },
      ['authProvider: serviceAccount'],
    ],
    [
      'Kubernetes plugin clusters without useKubernetesPluginClusters',
      kubernetesPlugin(pluginCluster('serviceAccount')),
      [],
    ],
  ])('warns with %s, naming the keys to set', (_, config, alsoSays) => {
    const text = warning(config);
    for (const expected of [...THE_KEYS, ...alsoSays]) {
      expect(text).toContain(expected);
    }
  });

  it('does not blame a key that was not set', () => {
    const text = warning({});
    expect(text).not.toContain('lists no subscriptions');
    expect(text).not.toContain('is true, but');
  });
});
