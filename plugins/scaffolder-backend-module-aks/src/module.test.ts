import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  startAksSimulator,
  type RunningSimulator,
} from '@winready/aks-simulator';
import { parseFleet } from '@winready/plugin-windows-readiness-common';
import { parse } from 'yaml';
import scaffolderModuleAks from '.';
import {
  runTemplateTask,
  simulatorArmModule,
  TEMPLATE_VALUES,
} from './__testUtils__/scaffolderTasks';

const FLEET = resolve(__dirname, '__fixtures__/fleet.yaml');
const TEMPLATE = resolve(
  __dirname,
  '../templates/windows-nodepool/template.yaml',
);

describe('a task of the Windows node pool template, end to end in the scaffolder', () => {
  let sim: RunningSimulator;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const run = (values: Record<string, unknown>) =>
    runTemplateTask(server, mockCredentials.user.header(), values);

  beforeAll(async () => {
    sim = await startAksSimulator({
      fleet: parseFleet(readFileSync(FLEET, 'utf8'), FLEET),
      quiet: true,
    });
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleAks,
        simulatorArmModule(sim),
        catalogServiceMock.factory({
          entities: [parse(readFileSync(TEMPLATE, 'utf8'))],
        }),
        mockServices.rootConfig.factory({
          data: {
            windowsReadiness: { nodePoolAction: { pollIntervalSeconds: 0.01 } },
          },
        }),
      ],
    }));
  });
  afterAll(() => sim.stop());

  it('creates the pool in ARM and logs each poll of the operation', async () => {
    const { status, log } = await run(TEMPLATE_VALUES);
    expect(status).toBe('completed');
    expect(log).toMatch(/Node pool "win3" in aks-weu-prod: running/);
    expect(log).toMatch(/Node pool "win3" is Succeeded\./);
    expect(
      sim.agentPools('aks-weu-prod').find(pool => pool.name === 'win3'),
    ).toMatchObject({ osType: 'Windows', taints: ['sku=win:NoSchedule'] });
  });

  it('succeeds again without a write for the same request', async () => {
    sim.resetRequestCounts();
    const { status, log } = await run(TEMPLATE_VALUES);
    expect(status).toBe('completed');
    expect(log).toMatch(/already exists with this spec/);
    expect(sim.requestCounts()['arm.agentPools.put'] ?? 0).toBe(0);
  });
});
