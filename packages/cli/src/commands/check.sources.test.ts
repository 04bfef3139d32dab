/**
 * `winready check` with the pools from the live sources (the AKS simulator
 * through the real Azure, Kubernetes and registry clients) and from a running
 * windows-readiness backend (POST /v1/preflight), against the same answers
 * from the fleet file the simulator serves.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  simulatorAppConfig,
  startAksSimulator,
  type RunningSimulator,
} from '@winready/aks-simulator';
import windowsReadinessPlugin from '@winready/plugin-windows-readiness-backend';
import { parseFleet } from '@winready/plugin-windows-readiness-common';
import {
  readSourcesConfig,
  windowsReadinessSourcesExtensionPoint,
} from '@winready/plugin-windows-readiness-node';
import { parseAllDocuments, stringify } from 'yaml';
import { cli, cliWithStdin } from '../__testUtils__/cli';
import { tempDir } from '../__testUtils__/files';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../../../..');
const DEMO = path.join(ROOT, 'examples/fleets/demo.yaml');
const EXAMPLES = path.join(ROOT, 'examples/manifests');
// JSON unless a test names another format (the default is a table).
const TARGET = [
  '--cluster',
  'aks-weu-legacy',
  '--at',
  '2026-11-27',
  '--format',
  'json',
];

/** A Deployment on the legacy cluster with an image only aks-neu-modern runs. */
const OTHER_CLUSTERS_IMAGE = `apiVersion: apps/v1
kind: Deployment
metadata: { name: fax, namespace: office }
spec:
  template:
    spec:
      nodeSelector: { kubernetes.io/os: windows }
      tolerations: [{ key: sku, operator: Exists }]
      containers: [{ name: fax, image: winreadydemo.azurecr.io/office/fax:2.3.1-ltsc2022 }]
`;

/** What must not depend on where the pools came from. */
const verdicts = (stdout: string) => {
  const result = JSON.parse(stdout);
  return {
    workloads: result.workloads,
    summary: result.summary,
    pools: result.cluster.pools,
    checks: result.cluster.checks,
  };
};

const fleet = parseFleet(fs.readFileSync(DEMO, 'utf8'), DEMO);
const scratch = tempDir();
let sim: RunningSimulator;
let configFile: string;

beforeAll(async () => {
  sim = await startAksSimulator({ fleet, quiet: true });
  const caFile = scratch.write('ca.pem', sim.caPem);
  configFile = scratch.write(
    'app-config.yaml',
    stringify(simulatorAppConfig(sim, fleet, { caFile })),
  );
});
afterAll(async () => {
  await sim.stop();
  scratch.remove();
});

describe('winready check --live', () => {
  it('judges as the fleet file does, from the cluster and the registry', async () => {
    const fromFile = await cli('check', EXAMPLES, '--fleet', DEMO, ...TARGET);
    const live = await cli(
      'check',
      EXAMPLES,
      '--live',
      '--config',
      configFile,
      ...TARGET,
    );
    expect(live.code).toBe(0);
    expect(verdicts(live.stdout)).toEqual(verdicts(fromFile.stdout));
    expect(JSON.parse(live.stdout).workloads[0]).toMatchObject({
      name: 'orders-legacy',
      line: 19,
      status: 'blocked',
    });
    // Only the target cluster is read.
    expect(live.stderr).toMatch(/collected 1\/1 clusters \(aks-weu-legacy\)/);
  });

  it('asks the registry about a manifest image no workload of the cluster runs', async () => {
    sim.resetRequestCounts();
    const live = await cliWithStdin(
      OTHER_CLUSTERS_IMAGE,
      'check',
      '-',
      '--live',
      '--config',
      configFile,
      ...TARGET,
    );
    const [fax] = JSON.parse(live.stdout).workloads;
    // ltsc2022 (20348) on the 2019 pool (17763): known, and refused.
    expect(fax.checks[0]).toMatchObject({
      id: 'image-os-build',
      result: 'fail',
    });
    expect(sim.requestCounts()['registry.manifests']).toBe(1);
  });

  it('exits 2 for a cluster the sources do not find', async () => {
    const live = await cli(
      'check',
      EXAMPLES,
      '--live',
      '--config',
      configFile,
      '--cluster',
      'aks-nowhere',
    );
    expect(live.code).toBe(2);
    expect(live.stderr).toMatch(
      /no cluster "aks-nowhere" found by the sources of the config/,
    );
  });
});

describe('winready check --backend', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let url: string;
  const token = mockCredentials.user.token();

  beforeAll(async () => {
    const sources = readSourcesConfig(
      new ConfigReader(
        simulatorAppConfig(sim, fleet, {
          caFile: path.join(scratch.dir, 'ca.pem'),
        }) as any,
      ),
    );
    backend = await startTestBackend({
      features: [
        windowsReadinessPlugin,
        createBackendModule({
          pluginId: 'windows-readiness',
          moduleId: 'test-sources',
          register(env) {
            env.registerInit({
              deps: { ext: windowsReadinessSourcesExtensionPoint },
              async init({ ext }) {
                ext.useSourcesConfig(sources);
              },
            });
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            windowsReadiness: {
              schedule: { frequency: { hours: 24 }, timeout: { minutes: 2 } },
            },
          },
        }),
        // The demo's entities: the refresh describes the images of their workloads.
        catalogServiceMock.factory({
          entities: parseAllDocuments(
            fs.readFileSync(path.join(ROOT, 'examples/entities.yaml'), 'utf8'),
          )
            .map(doc => doc.toJSON())
            .filter(Boolean)
            .map(entity => ({
              ...entity,
              metadata: { namespace: 'default', ...entity.metadata },
            })),
        }),
      ],
    });
    url = `http://localhost:${(backend.server.address() as AddressInfo).port}`;
    // One refresh, as the schedule would run it.
    const api = `${url}/api/windows-readiness/v1`;
    const headers = { Authorization: `Bearer ${token}` };
    await fetch(`${api}/refresh`, { method: 'POST', headers });
    for (let i = 0; i < 600; i++) {
      const status = await (await fetch(`${api}/status`, { headers })).json();
      if (status.lastRefresh?.finishedAt) break;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  });
  afterAll(() => backend.stop());

  it('judges as the fleet file does, from the backend’s stored pools and images', async () => {
    const fromFile = await cli('check', EXAMPLES, '--fleet', DEMO, ...TARGET);
    const viaBackend = await cli(
      'check',
      EXAMPLES,
      '--backend',
      url,
      '--token',
      token,
      ...TARGET,
      '--format',
      'json',
    );
    expect(viaBackend.stderr).toBe('');
    expect(viaBackend.code).toBe(0);
    expect(verdicts(viaBackend.stdout)).toEqual(verdicts(fromFile.stdout));
    expect(JSON.parse(viaBackend.stdout).cluster).toMatchObject({
      stale: false,
      collectedAt: expect.any(String),
    });
  });

  it('takes the token from WINREADY_TOKEN and exits as evaluate does', async () => {
    process.env.WINREADY_TOKEN = token;
    try {
      const run = await cli(
        'check',
        EXAMPLES,
        '--backend',
        `${url}/api/windows-readiness/`,
        ...TARGET,
        '--fail-on',
        'blocked',
        '--format',
        'sarif',
      );
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).runs[0].results[0].ruleId).toBe(
        'image-os-build',
      );
    } finally {
      delete process.env.WINREADY_TOKEN;
    }
  });

  it('counts an image the backend never stored as unknown', async () => {
    const run = await cliWithStdin(
      OTHER_CLUSTERS_IMAGE.replace('2.3.1-ltsc2022', '9.9.9'),
      'check',
      '-',
      '--backend',
      url,
      '--token',
      token,
      ...TARGET,
    );
    expect(JSON.parse(run.stdout).workloads[0].status).toBe('unknown');
  });

  it('exits 2 with the backend’s answer when it refuses', async () => {
    const refused = await cli(
      'check',
      EXAMPLES,
      '--backend',
      url,
      '--token',
      'not-a-token',
      ...TARGET,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /\/api\/windows-readiness\/v1\/preflight answered 401: /,
    );
    const unknown = await cli(
      'check',
      EXAMPLES,
      '--backend',
      url,
      '--token',
      token,
      '--cluster',
      'aks-nowhere',
    );
    expect(unknown.stderr).toMatch(
      /answered 404: No collected cluster is named "aks-nowhere"/,
    );
  });
});
