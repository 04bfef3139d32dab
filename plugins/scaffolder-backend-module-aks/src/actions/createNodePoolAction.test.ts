import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  startAksSimulator,
  type RunningSimulator,
} from '@winready/aks-simulator';
import { buildOsSkuTable } from '@winready/plugin-windows-readiness-common';
import { parse } from 'yaml';
import { fixtureFleet } from '../__testUtils__/scaffolderTasks';
import { AgentPoolOperations } from '../azure/AgentPoolOperations';
import { createNodePoolAction } from './createNodePoolAction';

const SUBSCRIPTION = '00000000-0000-0000-0000-0000000000aa';
const prod = {
  subscriptionId: SUBSCRIPTION,
  resourceGroup: 'rg-prod',
  cluster: 'aks-weu-prod',
};

const newPool = {
  ...prod,
  name: 'win2',
  osSku: 'Windows2022',
  vmSize: 'Standard_D4s_v5',
  count: 2,
  taints: ['sku=win:NoSchedule'],
  labels: { team: 'payments' },
};

type Action = ReturnType<typeof createNodePoolAction>;

function context(input: Record<string, unknown>, extra: object = {}) {
  // The mock takes only some fields (not isDryRun or checkpoint): add the rest.
  const ctx = { ...createMockActionContext({ input: input as any }), ...extra };
  const lines: string[] = [];
  for (const level of ['info', 'warn', 'error'] as const) {
    jest.spyOn(ctx.logger, level).mockImplementation(((message: string) => {
      lines.push(`${level}: ${message}`);
    }) as any);
  }
  return { ctx, lines, outputs: (ctx.output as jest.Mock).mock.calls };
}

function outputsOf(calls: unknown[][]): Record<string, unknown> {
  return Object.fromEntries(calls);
}

describe('aks:nodepool:create against the simulator ARM, through @azure/arm-containerservice', () => {
  let sim: RunningSimulator;
  let action: Action;

  beforeEach(async () => {
    sim = await startAksSimulator({
      fleet: fixtureFleet(),
      quiet: true,
      asyncOperationPolls: 2,
    });
    action = createNodePoolAction({
      osSkus: buildOsSkuTable(),
      operations: new AgentPoolOperations({
        credential: {
          getToken: async () => ({
            token: 'test',
            expiresOnTimestamp: Date.now() + 3600_000,
          }),
        },
        armEndpoint: sim.armEndpoint,
        caPem: sim.caPem,
        pollIntervalMs: 5,
      }),
    });
  });
  afterEach(() => sim.stop());

  const armWrites = () => sim.requestCounts()['arm.agentPools.put'] ?? 0;
  const armCalls = () =>
    Object.entries(sim.requestCounts())
      .filter(([kind]) => kind.startsWith('arm.'))
      .reduce((sum, [, n]) => sum + n, 0);

  it('creates a tainted Windows pool, logging the operation, and hands out the placement YAML', async () => {
    const { ctx, lines, outputs } = context(newPool);
    await action.handler(ctx);

    const pool = sim.agentPools('aks-weu-prod').find(p => p.name === 'win2');
    expect(pool).toMatchObject({
      osType: 'Windows',
      osSku: 'Windows2022',
      mode: 'User',
      count: 2,
      taints: ['sku=win:NoSchedule'],
      labels: { team: 'payments' },
    });
    expect(armWrites()).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^info: Creating Windows pool "win2" in cluster aks-weu-prod/,
        ),
        expect.stringMatching(
          /^info: Node pool "win2" in aks-weu-prod: running \(\d+ s\)/,
        ),
        'info: Node pool "win2" is Succeeded.',
      ]),
    );
    const out = outputsOf(outputs);
    expect(out).toMatchObject({
      poolId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-weu-prod/agentPools/win2`,
      created: true,
      dryRun: false,
      windowsBuild: '10.0.20348',
      runtimeClassName: 'windows-win2',
    });
    expect(out.portalUrl).toBe(
      `https://portal.azure.com/#resource${out.poolId}/overview`,
    );
    expect(out.taintWhatIfUrl).toBe(
      '/windows-readiness?view=pools&cluster=aks-weu-prod&pool=win2&addTaint=sku%3Dwin%3ANoSchedule',
    );
    expect(parse(out.workloadYaml as string)).toEqual({
      spec: {
        template: {
          spec: {
            nodeSelector: {
              'kubernetes.io/os': 'windows',
              'node.kubernetes.io/windows-build': '10.0.20348',
            },
            tolerations: [
              {
                key: 'sku',
                operator: 'Equal',
                value: 'win',
                effect: 'NoSchedule',
              },
            ],
          },
        },
      },
    });
    expect(parse(out.runtimeClassYaml as string)).toMatchObject({
      kind: 'RuntimeClass',
      handler: 'runhcs-wcow-process',
      scheduling: { tolerations: [{ key: 'sku', value: 'win' }] },
    });
  });

  it('sends autoscaling, maxPods and zones, and ARM keeps them', async () => {
    const input = {
      ...newPool,
      count: undefined,
      enableAutoScaling: true,
      minCount: 1,
      maxCount: 4,
      maxPods: 60,
      availabilityZones: ['2', '1'],
    };
    await action.handler(context(input).ctx);
    // A second run reads the pool back from ARM and finds nothing to change.
    const again = context(input);
    await action.handler(again.ctx);
    expect(outputsOf(again.outputs).created).toBe(false);
    expect(armWrites()).toBe(1);
  });

  it('succeeds without a write when the same pool already exists', async () => {
    await action.handler(context(newPool).ctx);
    sim.resetRequestCounts();
    const { ctx, lines, outputs } = context(newPool);
    await action.handler(ctx);
    expect(armWrites()).toBe(0);
    expect(outputsOf(outputs).created).toBe(false);
    expect(lines).toContain(
      'info: Node pool "win2" already exists with this spec (Succeeded); nothing to do.',
    );
  });

  it('refuses a pool of the same name with a different spec, naming the differences', async () => {
    const existing = { ...newPool, name: 'npwin', count: 3, labels: {} };
    await expect(action.handler(context(existing).ctx)).rejects.toThrow(
      /Cluster aks-weu-prod already has a pool named "npwin" that differs from the request:\n- count: wanted 3, the pool has 2\nChoose another name/,
    );
    expect(armWrites()).toBe(0);
  });

  it('reports a failed long-running operation with the code ARM gave', async () => {
    sim.failNextAgentPoolOperation(
      'QuotaExceeded',
      'Operation could not be completed as it results in exceeding approved standardDSv5Family Cores quota.',
    );
    const { ctx, lines } = context(newPool);
    await expect(action.handler(ctx)).rejects.toThrow(
      /Creating node pool "win2" in cluster aks-weu-prod failed: .*QuotaExceeded.*standardDSv5Family Cores quota/,
    );
    expect(lines).toEqual(
      expect.arrayContaining([expect.stringMatching(/: running \(\d+ s\)$/)]),
    );
    // A re-run puts the failed pool again instead of refusing it.
    const retry = context(newPool);
    await action.handler(retry.ctx);
    expect(outputsOf(retry.outputs).created).toBe(true);
    expect(armWrites()).toBe(2);
  });

  it.each([
    ['the scaffolder dry run', newPool, { isDryRun: true }],
    ['the dryRun input', { ...newPool, dryRun: true }, {}],
  ])(
    'does not call Azure in %s, and reports what it would create',
    async (_what, input, extra) => {
      const { ctx, lines, outputs } = context(input, extra);
      await action.handler(ctx);
      expect(outputsOf(outputs)).toMatchObject({
        dryRun: true,
        created: false,
        runtimeClassName: 'windows-win2',
      });
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^info: Dry run: would create Windows pool "win2"/,
          ),
        ]),
      );
      expect(armCalls()).toBe(0);
    },
  );

  it('checks the OS SKU against the version in a dry run when the form knows it', async () => {
    const input = {
      ...newPool,
      osSku: 'Windows2019',
      dryRun: true,
      clusterKubernetesVersion: '1.33.2',
    };
    await expect(action.handler(context(input).ctx)).rejects.toThrow(
      /Windows2019 pools on Kubernetes 1.14 to 1.32 only/,
    );
    expect(armCalls()).toBe(0);
  });

  it('refuses before any call: a 7-character Windows name, a System Windows pool, a bad taint', async () => {
    const input = {
      ...newPool,
      name: 'npwin22',
      mode: 'System',
      taints: ['sku=win:Never'],
    };
    const error = await action.handler(context(input).ctx).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(
      /Windows pool names are 1 to 6 characters; "npwin22" has 7/,
    );
    expect(error.message).toMatch(/Windows pools must be User pools/);
    expect(error.message).toMatch(/effect "Never"/);
    expect(armCalls()).toBe(0);
  });

  it("checks the OS SKU against the version ARM reports, not the form's, and never writes", async () => {
    const input = {
      ...newPool,
      osSku: 'Windows2019',
      clusterKubernetesVersion: '1.31.5',
    };
    await expect(action.handler(context(input).ctx)).rejects.toThrow(
      /this pool would run 1.33.2/,
    );
    expect(sim.requestCounts()['arm.managedClusters.get']).toBe(1);
    expect(armWrites()).toBe(0);
    // The legacy cluster still runs 1.31: Windows2019 is allowed there.
    await action.handler(
      context({
        ...input,
        resourceGroup: 'rg-legacy',
        cluster: 'aks-weu-legacy',
      }).ctx,
    );
    expect(armWrites()).toBe(1);
  });

  it('resumes from its checkpoint after a restart instead of calling Azure again', async () => {
    const store = new Map<string, unknown>();
    const checkpoint = async ({
      key,
      fn,
    }: {
      key: string;
      fn: () => unknown;
    }) => {
      if (!store.has(key)) store.set(key, await fn());
      return store.get(key);
    };
    await action.handler(context(newPool, { checkpoint }).ctx);
    sim.resetRequestCounts();
    const rerun = context(newPool, { checkpoint });
    await action.handler(rerun.ctx);
    expect(sim.requestCounts()['arm.agentPools.get'] ?? 0).toBe(0);
    expect(armWrites()).toBe(0);
    expect(outputsOf(rerun.outputs)).toMatchObject({ created: true });
    expect([...store.keys()]).toEqual([
      `aks-nodepool-${SUBSCRIPTION}-rg-prod-aks-weu-prod-win2`,
    ]);
  });

  it('names the cluster it could not find, and where it looked', async () => {
    const input = { ...newPool, cluster: 'aks-gone' };
    await expect(action.handler(context(input).ctx)).rejects.toThrow(
      `No AKS cluster named aks-gone in resource group rg-prod of subscription ${SUBSCRIPTION}.`,
    );
    expect(armWrites()).toBe(0);
  });

  it('refuses in a dry run a name the portal knows the cluster has', async () => {
    const input = {
      ...newPool,
      name: 'npwin',
      dryRun: true,
      existingPoolNames: ['system', 'npwin'],
    };
    await expect(action.handler(context(input).ctx)).rejects.toThrow(
      /name: cluster aks-weu-prod already has a pool named "npwin"; choose another name/,
    );
    expect(armCalls()).toBe(0);
  });

  it('only dry-runs without Azure configuration', async () => {
    const offline = createNodePoolAction({ osSkus: buildOsSkuTable() });
    await expect(offline.handler(context(newPool).ctx)).rejects.toThrow(
      /needs windowsReadiness.azure/,
    );
    await offline.handler(context({ ...newPool, dryRun: true }).ctx);
  });
});
