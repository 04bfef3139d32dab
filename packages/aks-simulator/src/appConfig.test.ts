import { loadDemoFleet } from './__testUtils__/simulator';
import { imageHosts, simulatorAppConfig } from './appConfig';

describe('simulatorAppConfig', () => {
  const sim = {
    armEndpoint: 'https://127.0.0.1:8443',
    registryEndpoint: 'https://127.0.0.1:8443',
  };

  it('points every source of the demo fleet at the simulator', () => {
    expect(
      simulatorAppConfig(sim, loadDemoFleet(), { caFile: '/tmp/ca.pem' }),
    ).toEqual({
      windowsReadiness: {
        azure: {
          armEndpoint: 'https://127.0.0.1:8443',
          caFile: '/tmp/ca.pem',
          credential: { type: 'static', token: 'aks-simulator' },
          subscriptions: [
            {
              id: '00000000-0000-0000-0000-000000000001',
              resourceGroups: ['rg-batch', 'rg-legacy', 'rg-modern'],
            },
            {
              id: '00000000-0000-0000-0000-000000000000',
              resourceGroups: ['rg-aks-eus-linux'],
            },
          ],
          kubernetesAccess: 'userCredentials',
        },
        registries: {
          mirrors: [
            { host: 'docker.io', endpoint: 'https://127.0.0.1:8443' },
            { host: 'gcr.io', endpoint: 'https://127.0.0.1:8443' },
            { host: 'registry.k8s.io', endpoint: 'https://127.0.0.1:8443' },
            {
              host: 'registry.partner.example',
              endpoint: 'https://127.0.0.1:8443',
            },
            {
              host: 'winreadydemo.azurecr.io',
              endpoint: 'https://127.0.0.1:8443',
            },
          ],
          allow: [
            'docker.io',
            'gcr.io',
            'registry.k8s.io',
            'registry.partner.example',
            'winreadydemo.azurecr.io',
          ],
          caFile: '/tmp/ca.pem',
        },
      },
    });
  });

  it('leaves caFile out when not given, and finds hosts in images and objects', () => {
    const fleet = {
      apiVersion: 'winready/v1' as const,
      kind: 'Fleet' as const,
      metadata: { name: 'f' },
      clusters: [
        {
          name: 'c',
          nodePools: [],
          objects: [
            {
              kind: 'CronJob',
              spec: {
                jobTemplate: {
                  spec: {
                    template: {
                      spec: {
                        containers: [{ image: 'mcr.microsoft.com/a:1' }],
                      },
                    },
                  },
                },
              },
            },
          ],
        },
      ],
      images: { nginx: { platforms: [] } },
    };
    expect(imageHosts(fleet)).toEqual(['docker.io', 'mcr.microsoft.com']);
    const config = simulatorAppConfig(sim, fleet);
    expect(config.windowsReadiness.azure).not.toHaveProperty('caFile');
    expect(config.windowsReadiness.azure.subscriptions).toEqual([
      { id: '00000000-0000-0000-0000-000000000000', resourceGroups: ['rg-c'] },
    ]);
  });
});
