/**
 * A test backend running the real windows-readiness plugin against the AKS
 * simulator serving examples/fleets/demo.yaml, with the demo catalog.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type {
  BackendFeature,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  simulatorAppConfig,
  startAksSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '@winready/aks-simulator';
import {
  parseFleet,
  type Fleet,
} from '@winready/plugin-windows-readiness-common';
import {
  readSourcesConfig,
  type ClusterLocator,
  type SourcesConfig,
} from '@winready/plugin-windows-readiness-node';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { windowsReadinessTestFeatures } from '../testUtils';

const EXAMPLES = resolve(__dirname, '../../../../examples');
export const API = '/api/windows-readiness';

/** The day the demo's expectations were written for (its pods were collected then). */
export const DEMO_NOW = new Date('2026-11-27T12:00:00Z');

export function loadDemoFleet(): Fleet {
  const path = join(EXAMPLES, 'fleets/demo.yaml');
  return parseFleet(readFileSync(path, 'utf8'), path);
}

/** examples/entities.yaml: systems and components with kubernetes-id annotations. */
export function loadDemoEntities(): Entity[] {
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

export interface SimulatorFixture {
  sim: RunningSimulator;
  fleet: Fleet;
  /** The simulator's CA, written to a temp file as the demo module does. */
  caFile: string;
  /** simulatorAppConfig: `{ windowsReadiness: { azure, registries } }`. */
  appConfig: JsonObject;
  sourcesConfig(extra?: JsonObject): SourcesConfig;
  stop(): Promise<void>;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Merges plain JSON objects (arrays and scalars of `extra` win). */
export function merge(base: JsonObject, extra: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] =
      isObject(current) && isObject(value) ? merge(current, value) : value;
  }
  return out;
}

export async function startSimulatorFixture(
  options: Partial<SimulatorOptions> = {},
  fleet: Fleet = loadDemoFleet(),
): Promise<SimulatorFixture> {
  const sim = await startAksSimulator({ fleet, quiet: true, ...options });
  const dir = mkdtempSync(join(tmpdir(), 'winready-backend-test-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, sim.caPem);
  const appConfig = simulatorAppConfig(sim, fleet, {
    caFile,
  }) as unknown as JsonObject;
  return {
    sim,
    fleet,
    caFile,
    appConfig,
    sourcesConfig: (extra = {}) =>
      readSourcesConfig(new ConfigReader(merge(appConfig, extra))),
    stop: async () => {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A schedule that never fires by itself: tests trigger the refresh. */
export const MANUAL_SCHEDULE = {
  frequency: { hours: 24 },
  timeout: { minutes: 2 },
  initialDelay: { hours: 1 },
};

export interface ReadinessBackendOptions {
  /** Sources through the extension point (as the demo module does); omit to read them from config. */
  sources?: SourcesConfig;
  locators?: ClusterLocator[];
  /** Root config, merged over `windowsReadiness.schedule`. */
  config?: JsonObject;
  /** Default MANUAL_SCHEDULE: never fires by itself. */
  schedule?: JsonObject;
  /** The catalog; default catalogServiceMock with `entities` (default the demo's). */
  catalog?: ServiceFactory;
  entities?: Entity[];
  /** More service factories (permissions, scheduler, database, logger…). */
  features?: BackendFeature[];
  /** Where the plugin's clock starts; default DEMO_NOW. */
  now?: Date;
}

export async function startReadinessBackend(
  options: ReadinessBackendOptions = {},
) {
  const data = merge(
    { windowsReadiness: { schedule: options.schedule ?? MANUAL_SCHEDULE } },
    options.config ?? {},
  );
  return startTestBackend({
    features: [
      ...windowsReadinessTestFeatures({
        sources: options.sources,
        locators: options.locators,
        now: options.now ?? DEMO_NOW,
      }),
      mockServices.rootConfig.factory({ data }),
      options.catalog ??
        catalogServiceMock.factory({
          entities: options.entities ?? loadDemoEntities(),
        }),
      ...(options.features ?? []),
    ],
  });
}

export type TestBackend = Awaited<ReturnType<typeof startReadinessBackend>>;

/**
 * For a test file: before all, a simulator and a backend reading it with one
 * refresh done; after all, both stopped. Read the fields inside tests.
 */
export function useDemoBackend(
  options: (fx: SimulatorFixture) => ReadinessBackendOptions = fx => ({
    sources: fx.sourcesConfig(),
  }),
) {
  const ctx = {} as {
    fx: SimulatorFixture;
    backend: TestBackend;
    server: TestServer;
  };
  beforeAll(async () => {
    ctx.fx = await startSimulatorFixture();
    ctx.backend = await startReadinessBackend(options(ctx.fx));
    ctx.server = ctx.backend.server;
    await refreshAndWait(ctx.server);
  });
  afterAll(async () => {
    await ctx.backend?.stop();
    await ctx.fx?.stop();
  });
  return ctx;
}

export type TestServer = Awaited<
  ReturnType<typeof startReadinessBackend>
>['server'];

export const asUser = (ref = 'user:default/mock') =>
  mockCredentials.user.header(ref);

export const get = (server: TestServer, path: string, auth = asUser()) =>
  request(server).get(`${API}${path}`).set('Authorization', auth);

export const post = (
  server: TestServer,
  path: string,
  body?: object,
  auth = asUser(),
) =>
  request(server)
    .post(`${API}${path}`)
    .set('Authorization', auth)
    .send(body ?? {});

/**
 * POST /v1/refresh, then polls /v1/status until a refresh that started after
 * the call has finished (bounded). Returns that status.
 */
export async function refreshAndWait(
  server: TestServer,
  { timeoutMs = 60_000, intervalMs = 50 } = {},
) {
  const before = (await get(server, '/v1/status')).body.lastRefresh;
  const res = await post(server, '/v1/refresh');
  if (res.status !== 202) {
    throw new Error(`refresh answered ${res.status}: ${res.text}`);
  }
  return waitForRefreshAfter(server, before?.startedAt, {
    timeoutMs,
    intervalMs,
  });
}

export async function waitForRefreshAfter(
  server: TestServer,
  previousStartedAt: string | undefined,
  { timeoutMs = 60_000, intervalMs = 50 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await get(server, '/v1/status');
    const last = status.body.lastRefresh;
    if (last?.finishedAt && last.startedAt !== previousStartedAt) {
      return status.body;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no refresh finished within ${timeoutMs} ms; last status ${JSON.stringify(
          status.body,
        )}`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}
