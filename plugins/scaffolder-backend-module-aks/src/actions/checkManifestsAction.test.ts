/**
 * templates/windows-service through the real scaffolder, whose
 * `windows-readiness:check` step calls a real windows-readiness backend in
 * the same test backend (discovery and a plugin request token on behalf of
 * the task's initiator), which collected the demo fleet from the simulator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderModuleAks from '..';
import {
  demoEntities,
  readinessOnSimulator,
  refreshReadiness,
  type ReadinessOnSimulator,
} from '../__testUtils__/readinessBackend';

jest.setTimeout(90_000);

const TEMPLATE_DIR = resolve(__dirname, '../../templates/windows-service');
const template = parse(
  readFileSync(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
);

function directoryContents() {
  const files = [
    'template.yaml',
    ...readdirSync(join(TEMPLATE_DIR, 'skeleton/kubernetes')).map(
      file => `skeleton/kubernetes/${file}`,
    ),
  ];
  return files.map(path => ({
    path,
    base64Content: readFileSync(join(TEMPLATE_DIR, path)).toString('base64'),
  }));
}

const VALUES = {
  name: 'orders-api',
  namespace: 'orders',
  image: 'winreadydemo.azurecr.io/orders/api:1.4.2-1803',
  replicas: 2,
  cluster: { name: 'aks-weu-legacy' },
  tolerationKey: 'sku',
  tolerationValue: 'win',
  tolerationEffect: 'NoSchedule',
  openPullRequest: false,
};

type DryRunLog = Array<{ body: { message: string } }>;

describe('templates/windows-service with windows-readiness:check', () => {
  let readiness: ReadinessOnSimulator;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    readiness = await readinessOnSimulator();
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleAks,
        ...readiness.features,
        catalogServiceMock.factory({ entities: demoEntities() }),
        mockServices.rootConfig.factory({
          data: {
            windowsReadiness: {
              schedule: { frequency: { hours: 24 }, timeout: { minutes: 2 } },
            },
          },
        }),
      ],
    }));
    await refreshReadiness(server);
  });
  afterAll(() => readiness?.stop());

  const dryRun = (values: Record<string, unknown>) =>
    request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({ template, values, directoryContents: directoryContents() });

  it('ships a template that renders, checks, then opens the pull request', () => {
    expect(template.spec.steps.map((s: any) => s.action)).toEqual([
      'fetch:template',
      'windows-readiness:check',
      'publish:github:pull-request',
    ]);
    expect(template.spec.steps[1].input).toEqual({
      cluster: '${{ parameters.cluster.name }}',
      path: 'kubernetes',
    });
  });

  it('fails the task, with the reasons, for an image the cluster’s nodes cannot start', async () => {
    const response = await dryRun(VALUES);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        '1 workload(s) would not run as they should on aks-weu-legacy:\n' +
          'kubernetes/deployment.yaml:1 Deployment orders/orders-api is blocked\n' +
          '  - image-os-build: No selected Windows pool can start the images: ' +
          'winreadydemo.azurecr.io/orders/api:1.4.2-1803 [10.0.17134.1305] on npwin',
      ),
    });
  });

  it('goes on, logging the verdict, when the workload would start', async () => {
    const response = await dryRun({
      ...VALUES,
      image: 'winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019',
    });
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(200);
    const log = (response.body.log as DryRunLog).map(e => e.body.message);
    // Log lines carry their level (`info: `, `warn: `) in front.
    expect(log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /info.*: 1 workload\(s\) in 1 file\(s\) checked against aks-weu-legacy$/,
        ),
        expect.stringMatching(
          /warn.*: kubernetes\/deployment\.yaml:1 Deployment orders\/orders-api is at-risk\n {2}- os-sku-lifecycle: Windows2019 retired/,
        ),
      ]),
    );
  });

  it('fails when the toleration does not match the pool’s taint', async () => {
    const response = await dryRun({
      ...VALUES,
      image: 'winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019',
      tolerationValue: 'windows',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      '  - taint-toleration: Every Windows pool that can run the workload (npwin) has a taint it does not tolerate',
    );
  });

  it('fails with the backend’s answer for a cluster it never collected', async () => {
    const response = await dryRun({
      ...VALUES,
      cluster: { name: 'aks-nowhere' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^Cannot check the manifests: .*\/v1\/preflight answered 404: No collected cluster is named "aks-nowhere"/,
    );
  });
});
