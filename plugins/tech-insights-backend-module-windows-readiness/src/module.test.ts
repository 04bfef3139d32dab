/**
 * The module in the real tech-insights backend (with its json-rules-engine
 * fact checker), beside the real windows-readiness backend, which collected
 * examples/fleets/demo.yaml from the AKS simulator: the retriever reads the
 * facts over HTTP, Tech Insights stores them per entity, and the README's
 * example checks pass and fail as the demo's story says.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  coreServices,
  createBackendModule,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import jsonRulesEngineFactChecker from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  simulatorAppConfig,
  startAksSimulator,
  type RunningSimulator,
} from '@winready/aks-simulator';
// The test runs the real readiness backend beside Tech Insights.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { windowsReadinessTestFeatures } from '@winready/plugin-windows-readiness-backend/testUtils';
import { parseFleet } from '@winready/plugin-windows-readiness-common';
import { readSourcesConfig } from '@winready/plugin-windows-readiness-node';
import request from 'supertest';
import { parseAllDocuments, parse } from 'yaml';
import techInsightsModuleWindowsReadiness from '.';

jest.setTimeout(120_000);

const EXAMPLES = resolve(__dirname, '../../../examples');
/** The day the demo's verdicts are written for: days count from it. */
const DEMO_NOW = new Date('2026-11-27T12:00:00Z');
const RETRIEVER = 'windowsReadinessFactRetriever';

function demoEntities(): Entity[] {
  return parseAllDocuments(
    readFileSync(join(EXAMPLES, 'entities.yaml'), 'utf8'),
  )
    .map(doc => doc.toJSON() as Entity)
    .filter(Boolean)
    .map(entity => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
    }));
}

/** The README's example checks, read from the README itself. */
function readmeChecks() {
  const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
  const block = /```yaml\n(techInsights:[\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no techInsights yaml block');
  return parse(block[1]).techInsights;
}

describe('the Windows readiness fact retriever in Tech Insights', () => {
  let sim: RunningSimulator;
  let dir: string;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let scheduler: SchedulerService;
  const user = mockCredentials.user.header();
  // The test backend's scheduler runs a triggered task before answering.
  const schedulerOfTechInsights = createBackendModule({
    pluginId: 'tech-insights',
    moduleId: 'test-scheduler',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init(deps) {
          scheduler = deps.scheduler;
        },
      });
    },
  });

  beforeAll(async () => {
    const path = join(EXAMPLES, 'fleets/demo.yaml');
    const fleet = parseFleet(readFileSync(path, 'utf8'), path);
    sim = await startAksSimulator({ fleet, quiet: true });
    dir = mkdtempSync(join(tmpdir(), 'winready-tech-insights-test-'));
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, sim.caPem);
    const sources = readSourcesConfig(
      new ConfigReader(simulatorAppConfig(sim, fleet, { caFile }) as any),
    );
    const techInsights = readmeChecks();
    ({ server } = await startTestBackend({
      features: [
        techInsightsPlugin,
        jsonRulesEngineFactChecker,
        techInsightsModuleWindowsReadiness,
        schedulerOfTechInsights,
        ...windowsReadinessTestFeatures({ sources, now: DEMO_NOW }),
        catalogServiceMock.factory({ entities: demoEntities() }),
        mockServices.rootConfig.factory({
          data: {
            windowsReadiness: {
              // Triggered by the test, never by itself.
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 2 },
                initialDelay: { hours: 1 },
              },
            },
            techInsights: {
              ...techInsights,
              factRetrievers: {
                [RETRIEVER]: {
                  ...techInsights.factRetrievers[RETRIEVER],
                  initialDelay: { hours: 1 },
                },
              },
            },
          },
        }),
      ],
    }));
    // The readiness backend collects and evaluates...
    await request(server)
      .post('/api/windows-readiness/v1/refresh')
      .set('Authorization', user)
      .expect(202);
    await waitFor(async () => {
      const status = await request(server)
        .get('/api/windows-readiness/v1/status')
        .set('Authorization', user);
      return status.body.lastRefresh?.finishedAt;
    });
    // ...then Tech Insights runs the retriever, as its cadence would.
    await scheduler.triggerTask(RETRIEVER);
  });

  afterAll(async () => {
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function waitFor<T>(probe: () => Promise<T | undefined>) {
    for (let i = 0; i < 600; i++) {
      const value = await probe();
      if (value) return value;
      await new Promise(done => setTimeout(done, 50));
    }
    throw new Error('timed out');
  }

  async function latestFacts(name: string) {
    const res = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({ entity: `component:default/${name}`, 'ids[]': RETRIEVER })
      .set('Authorization', user);
    return res.body[RETRIEVER]?.facts ?? {};
  }

  async function runChecks(name: string) {
    const res = await request(server)
      .post(`/api/tech-insights/checks/run/default/component/${name}`)
      .set('Authorization', user)
      .send({});
    expect(res.status).toBe(200);
    return Object.fromEntries(
      (res.body as Array<{ check: { id: string }; result: boolean }>).map(r => [
        r.check.id,
        r.result,
      ]),
    );
  }

  it('is configured by the README as every retriever is', () => {
    expect(readmeChecks().factRetrievers[RETRIEVER]).toEqual({
      cadence: expect.any(String),
      lifecycle: { timeToLive: { weeks: 2 } },
    });
  });

  it('stores the facts per entity', async () => {
    expect(await latestFacts('orders-legacy')).toEqual({
      status: 'blocked',
      failingChecks: ['image-os-build', 'pod-status'],
      unknownChecks: [],
      pools: ['aks-weu-legacy/npwin (Windows2019)'],
      earliestRetirementDate: '2026-03-01',
      daysUntilRetirement: -271,
      earliestImageDeletionDate: '2027-04-01',
      daysUntilImageDeletion: 125,
      survivesNextOsSku: false,
    });
    expect(await latestFacts('search-indexer')).toEqual({
      status: 'ready',
      failingChecks: [],
      unknownChecks: [],
      pools: ['aks-neu-modern/npw25 (Windows2025)'],
      earliestRetirementDate: null,
      daysUntilRetirement: null,
      earliestImageDeletionDate: null,
      daysUntilImageDeletion: null,
      survivesNextOsSku: true,
    });
    // Every stored service, and only those: a Linux-only one too.
    expect((await latestFacts('storefront')).status).toBe('not-applicable');
    expect(await latestFacts('no-such-service')).toEqual({});
  });

  it.each([
    // orders-legacy: blocked, single-build 1803 image, on a retired pool.
    ['orders-legacy', false, false, false],
    // orders: rebuilt on 1809, at risk only; no ltsc2022 variant.
    ['orders', true, false, false],
    // payments: Windows2022 retires in 108 days, its images have a 2025 variant.
    ['payments', true, true, true],
    // search-indexer: Windows2025, no retirement date at all.
    ['search-indexer', true, true, true],
    // kiosk: an OS SKU the table does not know: no date, upgrade path unknown.
    ['kiosk', true, true, true],
  ])(
    '%s: not blocked %s, survives the next Windows Server %s, no pool retiring within 90 days %s',
    async (name, notBlocked, survives, noRetirement) => {
      expect(await runChecks(name)).toEqual({
        windowsNotBlocked: notBlocked,
        windowsSurvivesNextOsSku: survives,
        windowsNoPoolRetiringWithin90Days: noRetirement,
      });
    },
  );
});
