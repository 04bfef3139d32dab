import { ConfigReader } from '@backstage/config';
import { readSourcesConfig } from './sourcesConfig';

const read = (windowsReadiness: unknown) =>
  readSourcesConfig(new ConfigReader({ windowsReadiness } as any));

describe('readSourcesConfig', () => {
  it('gives defaults for an absent block', () => {
    expect(readSourcesConfig(new ConfigReader({}))).toEqual({
      concurrency: 8,
      clusterTimeoutMs: 120_000,
      osSkus: [],
      azure: undefined,
      kubernetes: {
        namespaces: undefined,
        labelSelector: undefined,
        pageSize: 500,
        useKubernetesPluginClusters: false,
        clusters: [],
      },
      registries: {
        allow: [],
        mirrors: [],
        insecureHosts: [],
        caFile: undefined,
        credentials: [],
        concurrency: undefined,
        timeoutMs: undefined,
      },
    });
  });

  it('reads the Azure, Kubernetes and registry blocks', () => {
    const config = read({
      azure: {
        armEndpoint: 'https://127.0.0.1:8443/',
        credential: { type: 'static', token: 't' },
        subscriptions: [{ id: 'sub', resourceGroups: ['rg'] }],
        kubernetesAccess: 'entraToken',
      },
      kubernetes: {
        namespaces: ['shop'],
        clusters: [{ name: 'k', url: 'https://10.0.0.1', token: 'x' }],
      },
      registries: {
        allow: ['*.azurecr.io'],
        mirrors: [{ host: 'a.azurecr.io', endpoint: 'https://127.0.0.1:8443' }],
        credentials: [{ host: 'a.azurecr.io', type: 'acr' }],
      },
    });
    expect(config.azure).toEqual({
      armEndpoint: 'https://127.0.0.1:8443',
      caFile: undefined,
      credential: { type: 'static', token: 't' },
      subscriptions: [{ id: 'sub', resourceGroups: ['rg'] }],
      kubernetesAccess: 'entraToken',
    });
    expect(config.kubernetes.clusters[0].name).toBe('k');
    expect(config.registries.credentials[0].type).toBe('acr');
  });

  it.each([
    [{ concurrency: 0 }, "'windowsReadiness.concurrency': must be a positive"],
    [
      { azure: { subscriptions: [], kubernetesAccess: 'kubeconfig' } },
      "'windowsReadiness.azure.kubernetesAccess': must be one of userCredentials, entraToken",
    ],
    [
      { azure: { subscriptions: [], armEndpoint: 'ftp://x' } },
      "'windowsReadiness.azure.armEndpoint'",
    ],
    [
      { azure: { subscriptions: [], credential: { type: 'password' } } },
      "'windowsReadiness.azure.credential.type'",
    ],
    [
      {
        azure: {
          subscriptions: [],
          credential: { type: 'clientSecret', tenantId: 't' },
        },
      },
      'clientId',
    ],
    [
      {
        registries: {
          allow: ['x'],
          mirrors: [{ host: 'x', endpoint: 'nope' }],
        },
      },
      "'windowsReadiness.registries.mirrors[0].endpoint'",
    ],
    [{ kubernetes: { clusters: [{ name: 'a' }] } }, 'url'],
    [{ azure: { subscriptions: [{ name: 'no id' }] } }, 'id'],
  ])('rejects %j naming the key', (block, message) => {
    expect(() => read(block)).toThrow(message);
  });

  it('never echoes a secret in its errors', () => {
    const block = {
      azure: {
        subscriptions: [],
        credential: {
          type: 'clientSecret',
          tenantId: 't',
          clientId: 'c',
          clientSecret: 424242,
        },
      },
    };
    const message = (() => {
      try {
        read(block);
        return 'no error';
      } catch (error) {
        return String(error);
      }
    })();
    expect(message).toMatch(/clientSecret/);
    expect(message).not.toContain('424242');
  });
});
