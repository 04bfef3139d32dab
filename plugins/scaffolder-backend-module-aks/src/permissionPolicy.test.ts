import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import type { RunningSimulator } from '@winready/aks-simulator';
import { PlatformTeamCreatesNodePools } from './__testUtils__/platformTeamPolicy';
import {
  runTemplateTask,
  startScaffolderOnSimulator,
  TEMPLATE_VALUES,
} from './__testUtils__/scaffolderTasks';

const PLATFORM_ENGINEER = 'user:default/pat';
const DEVELOPER = 'user:default/dana';

const policy = new PlatformTeamCreatesNodePools();

function userOf(credentials: BackstageCredentials): PolicyQueryUser {
  const ref = (credentials.principal as { userEntityRef: string })
    .userEntityRef;
  const ownershipEntityRefs =
    ref === PLATFORM_ENGINEER ? [ref, 'group:default/team-platform'] : [ref];
  return { credentials, info: { userEntityRef: ref, ownershipEntityRefs } };
}

/**
 * The policy answered in-process, as the permission backend would: the mock
 * auth service's tokens cannot pass the permission backend's user checks.
 * The scaffolder still applies the conditional decision with its own rules.
 */
const permissions = mockServices.permissions.mock({
  async authorizeConditional(requests, { credentials }) {
    return Promise.all(
      requests.map(r => policy.handle(r, userOf(credentials))),
    ) as any;
  },
  async authorize(requests, { credentials }) {
    return Promise.all(
      requests.map(async r => {
        const decision = await policy.handle(r, userOf(credentials));
        return decision.result === AuthorizeResult.CONDITIONAL
          ? { result: AuthorizeResult.DENY }
          : decision;
      }),
    ) as any;
  },
});

describe("the README's permission policy for aks:nodepool:create, applied by the scaffolder", () => {
  let sim: RunningSimulator;
  let server: Awaited<ReturnType<typeof startScaffolderOnSimulator>>['server'];
  const runAs = (user: string, values: Record<string, unknown>) =>
    runTemplateTask(server, mockCredentials.user.header(user), values);

  beforeAll(async () => {
    ({ sim, server } = await startScaffolderOnSimulator([permissions.factory]));
  });
  afterAll(() => sim.stop());
  beforeEach(() => sim.resetRequestCounts());

  it('stops a developer before the action creates a pool', async () => {
    const { status, log } = await runAs(DEVELOPER, {
      ...TEMPLATE_VALUES,
      name: 'devwin',
    });
    expect(status).toBe('failed');
    expect(log).toMatch(/not allowed|unauthorized/i);
    expect(sim.requestCounts()['arm.agentPools.put'] ?? 0).toBe(0);
  });

  it('lets a developer dry-run', async () => {
    const { status, log } = await runAs(DEVELOPER, {
      ...TEMPLATE_VALUES,
      name: 'devwin',
      dryRun: true,
    });
    expect(status).toBe('completed');
    expect(log).toMatch(/Dry run: would create Windows pool "devwin"/);
  });

  it('lets the platform team create the pool', async () => {
    const { status } = await runAs(PLATFORM_ENGINEER, {
      ...TEMPLATE_VALUES,
      name: 'patwin',
    });
    expect(status).toBe('completed');
    expect(sim.requestCounts()['arm.agentPools.put']).toBe(1);
  });
});
