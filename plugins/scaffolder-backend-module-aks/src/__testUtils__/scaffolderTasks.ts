import { createBackendModule } from '@backstage/backend-plugin-api';
import type { RunningSimulator } from '@winready/aks-simulator';
import request from 'supertest';
import { aksNodePoolActionExtensionPoint } from '../extensions';

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

/** Runs the template as a real task and waits for it: its status and log. */
export async function runTemplateTask(
  server: Parameters<typeof request>[0],
  authorization: string,
  values: Record<string, unknown>,
): Promise<{ status: string; log: string }> {
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
      return { status: task.body.status, log };
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error(`task ${created.body.id} did not finish`);
}
