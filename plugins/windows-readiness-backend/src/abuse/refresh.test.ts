/**
 * Abuse: a refresh that fails, a run that dies and a scheduler lock that is
 * never released. GET /v1/status tells what happened, with the error, and
 * POST /v1/refresh says "already running" only while a refresh really runs.
 *
 * The second part runs the real scheduler of @backstage/backend-defaults on
 * a SQLite database the test holds, so that it can leave the task row as a
 * failed release leaves it (the run ticket set until the task's timeout).
 */
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { type Knex } from 'knex';
import {
  get,
  loadDemoEntities,
  post,
  refreshAndWait,
  startReadinessBackend,
  startSimulatorFixture,
  useDemoBackend,
  type SimulatorFixture,
  type TestBackend,
} from '../__testUtils__/harness';
import { shardTaskId } from '../refresh/shards';

// The refresh's shards (the default count): each has its task and its record.
const SHARDS = 4;
const SHARD_IDS = Array.from({ length: SHARDS }, (_, i) => i);

jest.setTimeout(120_000);

describe('a refresh that fails', () => {
  const state = { failCatalog: false };
  const inMemory = catalogServiceMock({ entities: loadDemoEntities() });
  const catalog = catalogServiceMock.mock({
    getEntities: async (request, options) => {
      if (state.failCatalog) {
        throw new Error(
          'catalog unavailable: connect ECONNREFUSED 10.0.0.7:7007 (token=s3cr3t-value)',
        );
      }
      return inMemory.getEntities(request, options);
    },
  });
  const ctx = useDemoBackend(fx => ({
    sources: fx.sourcesConfig(),
    catalog: catalog.factory,
  }));

  it('is recorded in /v1/status with its error, the last good results kept', async () => {
    const before = (await get(ctx.server, '/v1/status')).body;
    expect(before.lastRefresh.finishedAt).toEqual(expect.any(String));
    state.failCatalog = true;
    try {
      expect((await post(ctx.server, '/v1/refresh')).status).toBe(202);
      const status = (await get(ctx.server, '/v1/status')).body;
      expect(status.lastRefresh).toEqual({
        startedAt: expect.any(String),
        failedAt: expect.any(String),
        error: expect.stringContaining('catalog unavailable'),
      });
      expect(status.lastRefresh.startedAt > before.lastRefresh.startedAt).toBe(
        true,
      );
      expect(status.lastRefresh.error).not.toContain('s3cr3t');
      expect(status.running).toBeNull();
      expect(status.evaluatedAt).toBe(before.evaluatedAt);
    } finally {
      state.failCatalog = false;
    }
    // What the last good refresh stored is still served.
    expect((await get(ctx.server, '/v1/report')).body.total).toBe(20);
    const after = await refreshAndWait(ctx.server);
    expect(after.lastRefresh.error).toBeUndefined();
    expect(after.lastRefresh.services).toBe(20);
  });
});

describe('the real scheduler, with a lock a run did not release', () => {
  let fx: SimulatorFixture;
  let backend: TestBackend;
  let knex: Knex;
  const TASKS = 'backstage_backend_tasks__tasks';

  const database = () =>
    createServiceFactory({
      service: coreServices.database,
      deps: {},
      factory: () => ({ getClient: async () => knex }),
    });

  async function waitFor<T>(what: string, probe: () => Promise<T | undefined>) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
  const status = async () => (await get(backend.server, '/v1/status')).body;
  const finishedAfter = (startedAt: string) =>
    waitFor('a refresh after the trigger', async () => {
      const s = await status();
      return s.lastRefresh?.finishedAt && s.lastRefresh.startedAt > startedAt
        ? s
        : undefined;
    });
  /** The task rows as a failed release (or a crash) leaves them. */
  const holdLock = () =>
    knex(TASKS)
      .whereIn(
        'id',
        SHARD_IDS.map(i => shardTaskId(i, SHARDS)),
      )
      .update({
        current_run_ticket: 'lost-ticket',
        current_run_started_at: knex.fn.now(),
        current_run_expires_at: knex.raw("datetime('now', '+5 minutes')"),
      });
  // An upsert: a shard whose last run has ended may have no row left to update.
  const setRunning = (value: unknown) =>
    knex('winready_meta')
      .insert(
        SHARD_IDS.map(i => ({
          key: `refresh.running:${i}`,
          value: JSON.stringify(value),
          updated_at: new Date(),
        })),
      )
      .onConflict('key')
      .merge(['value', 'updated_at']);

  beforeAll(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
      pool: { min: 1, max: 1 },
    });
    fx = await startSimulatorFixture();
    backend = await startReadinessBackend({
      sources: fx.sourcesConfig(),
      // Due at start-up, then only when triggered.
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
      features: [database(), schedulerServiceFactory],
    });
    await waitFor('the start-up refresh', async () =>
      (await status()).lastRefresh?.finishedAt ? true : undefined,
    );
  });

  afterAll(async () => {
    await backend?.stop();
    await fx?.stop();
    await knex?.destroy();
  });

  it('triggers a refresh when the lock is held but nothing runs, and says so', async () => {
    const before = (await status()).lastRefresh;
    await holdLock();
    expect(await status()).toMatchObject({ running: null });
    const res = await post(backend.server, '/v1/refresh');
    expect(res.status).toBe(202);
    expect(res.body.note).toContain('lock');
    const after = await finishedAfter(before.startedAt);
    expect(after.lastRefresh.services).toBe(20);
  });

  it('answers 409 while a refresh really runs, naming when it started', async () => {
    // The last test's shard runs release their tickets after /v1/status says done.
    await waitFor('every shard task released', async () =>
      (await knex(TASKS).whereNotNull('current_run_ticket')).length === 0
        ? true
        : undefined,
    );
    await holdLock();
    const now = (await status()).lastRefresh.finishedAt;
    await setRunning({ startedAt: now, heartbeatAt: now });
    try {
      const res = await post(backend.server, '/v1/refresh');
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain(
        `A refresh is already running (started at ${now}`,
      );
      expect((await status()).running).toEqual({
        startedAt: now,
        heartbeatAt: now,
      });
    } finally {
      await setRunning(null);
    }
  });

  it('reports a run whose process died as failed, not running, and refreshes again', async () => {
    const last = (await status()).lastRefresh;
    const long = new Date(Date.parse(last.finishedAt) - 10 * 60_000);
    const started = new Date(Date.parse(last.finishedAt) + 1).toISOString();
    await holdLock();
    await setRunning({ startedAt: started, heartbeatAt: long.toISOString() });
    const dead = await status();
    expect(dead.running).toBeNull();
    expect(dead.lastRefresh).toEqual({
      startedAt: started,
      failedAt: long.toISOString(),
      error: expect.stringContaining('stopped without finishing'),
    });
    expect((await post(backend.server, '/v1/refresh')).status).toBe(202);
    const after = await finishedAfter(started);
    expect(after.lastRefresh.error).toBeUndefined();
    expect(after.running).toBeNull();
  });
});
