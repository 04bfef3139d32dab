import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  startAksSimulator,
  type RunningSimulator,
} from '@winready/aks-simulator';
import { parseFleet } from '@winready/plugin-windows-readiness-common';
import { parse } from 'yaml';
import scaffolderModuleAks from '.';
import { PlatformTeamCreatesNodePools } from './__testUtils__/platformTeamPolicy';
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
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const runAs = (user: string, values: Record<string, unknown>) =>
    runTemplateTask(server, mockCredentials.user.header(user), values);

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
        permissions.factory,
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
