import { mockCredentials } from '@backstage/backend-test-utils';
import type { RunningSimulator } from '@winready/aks-simulator';
import {
  runTemplateTask,
  startScaffolderOnSimulator,
  TEMPLATE_VALUES,
} from './__testUtils__/scaffolderTasks';

describe('a task of the Windows node pool template, end to end in the scaffolder', () => {
  let sim: RunningSimulator;
  let server: Awaited<ReturnType<typeof startScaffolderOnSimulator>>['server'];
  const run = (values: Record<string, unknown>) =>
    runTemplateTask(server, mockCredentials.user.header(), values);

  beforeAll(async () => {
    ({ sim, server } = await startScaffolderOnSimulator());
  });
  afterAll(() => sim.stop());

  it('creates the pool in ARM and logs each poll of the operation', async () => {
    const { status, log, output } = await run(TEMPLATE_VALUES);
    expect(status).toBe('completed');
    expect(log).toMatch(/Node pool "win3" in aks-weu-prod: running/);
    expect(log).toMatch(/Node pool "win3" is Succeeded\./);
    expect(
      sim.agentPools('aks-weu-prod').find(pool => pool.name === 'win3'),
    ).toMatchObject({ osType: 'Windows', taints: ['sku=win:NoSchedule'] });
    // Before announcing the pool: who needs the toleration of its taint.
    expect(output?.links).toEqual(
      expect.arrayContaining([
        {
          title: 'Who needs the toleration (taint what-if)',
          url: '/windows-readiness?view=pools&cluster=aks-weu-prod&pool=win3&addTaint=sku%3Dwin%3ANoSchedule',
        },
      ]),
    );
  });

  it('succeeds again without a write for the same request', async () => {
    sim.resetRequestCounts();
    const { status, log } = await run(TEMPLATE_VALUES);
    expect(status).toBe('completed');
    expect(log).toMatch(/already exists with this spec/);
    expect(sim.requestCounts()['arm.agentPools.put'] ?? 0).toBe(0);
  });
});
