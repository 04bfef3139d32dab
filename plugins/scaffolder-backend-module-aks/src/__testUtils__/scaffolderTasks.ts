import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import {
  createBackendModule,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  startAksSimulator,
  type RunningSimulator,
} from '@winready/aks-simulator';
import {
  parseFleet,
  type Fleet,
} from '@winready/plugin-windows-readiness-common';
import request from 'supertest';
import { parse } from 'yaml';
import scaffolderModuleAks from '..';
import { aksNodePoolActionExtensionPoint } from '../extensions';

const FLEET = resolve(__dirname, '../__fixtures__/fleet.yaml');
export const TEMPLATE_DIR = resolve(
  __dirname,
  '../../templates/windows-nodepool',
);

/** __fixtures__/fleet.yaml: aks-weu-prod (1.33, pool npwin) and aks-weu-legacy (1.31). */
export function fixtureFleet(): Fleet {
  return parseFleet(readFileSync(FLEET, 'utf8'), FLEET);
}

/** The shipped template, as the catalog holds it. */
export function shippedTemplate() {
  return parse(readFileSync(resolve(TEMPLATE_DIR, 'template.yaml'), 'utf8'));
}

/** Points the node pool action at the simulator, as the demo backend does. */
export function simulatorArmModule(sim: RunningSimulator) {
  return createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'test-simulator-arm',
    register(env) {
      env.registerInit({
        deps: { nodePools: aksNodePoolActionExtensionPoint },
        async init({ nodePools }) {
          nodePools.useArm({
            endpoint: sim.armEndpoint,
            caPem: sim.caPem,
            credential: {
              getToken: async () => ({
                token: 'test',
                expiresOnTimestamp: Date.now() + 3600_000,
              }),
            },
          });
        },
      });
    },
  });
}

/** The shipped template's answers for a Windows2022 pool in the fixture's prod cluster. */
export const TEMPLATE_VALUES = {
  cluster: {
    name: 'aks-weu-prod',
    subscriptionId: '00000000-0000-0000-0000-0000000000aa',
    resourceGroup: 'rg-prod',
    kubernetesVersion: '1.33.2',
  },
  name: 'win3',
  osSku: 'Windows2022',
  vmSize: 'Standard_D4s_v5',
  taints: ['sku=win:NoSchedule'],
  count: 1,
  enableAutoScaling: false,
  dryRun: false,
  openPullRequest: false,
};

/** Runs the template as a real task and waits for it: its status, log and output. */
export async function runTemplateTask(
  server: Parameters<typeof request>[0],
  authorization: string,
  values: Record<string, unknown>,
): Promise<{
  status: string;
  log: string;
  /** The rendered `spec.output` (links and text), from the completion event. */
  output?: {
    links?: Array<{ title: string; url: string }>;
    text?: Array<{ title: string; content: string }>;
  };
}> {
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', authorization)
    .send({ templateRef: 'template:default/windows-nodepool', values });
  if (created.status !== 201) {
    throw new Error(`task not created: ${JSON.stringify(created.body)}`);
  }
  const path = `/api/scaffolder/v2/tasks/${created.body.id}`;
  for (let i = 0; i < 200; i++) {
    const task = await request(server)
      .get(path)
      .set('Authorization', authorization);
    if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
      const events = await request(server)
        .get(`${path}/events`)
        .set('Authorization', authorization);
      const log = events.body.map((e: any) => e.body.message).join('\n');
      const output = events.body.find((e: any) => e.type === 'completion')?.body
        .output;
      return { status: task.body.status, log, output };
    }
    await new Promise(done => setTimeout(done, 50));
  }
  throw new Error(`task ${created.body.id} did not finish`);
}

/**
 * The scaffolder with this module and the shipped template in its catalog;
 * the node pool action reaches a simulator serving the fixture fleet.
 */
export async function startScaffolderOnSimulator(
  features: BackendFeature[] = [],
): Promise<{ sim: RunningSimulator; server: Server }> {
  const sim = await startAksSimulator({ fleet: fixtureFleet(), quiet: true });
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleAks,
      simulatorArmModule(sim),
      catalogServiceMock.factory({ entities: [shippedTemplate()] }),
      mockServices.rootConfig.factory({
        data: {
          windowsReadiness: { nodePoolAction: { pollIntervalSeconds: 0.01 } },
        },
      }),
      ...features,
    ],
  });
  return { sim, server };
}
