/**
 * Two backends on ONE PostgreSQL, with the real database and scheduler
 * services: the refresh is a global task, so it never runs in both at once.
 *
 * Every refresh starts with the cluster locators (the AKS locator, wrapped
 * here by a probe so that its start is seen) and ends with its summary log
 * line; those two moments bound each run. Kubernetes answers slowly, so a run
 * lasts long enough that overlapping triggers would show.
 */
import { randomBytes } from 'node:crypto';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import knexFactory from 'knex';
import {
  AksClusterLocator,
  createAzureCredential,
  type ClusterLocator,
} from '@winready/plugin-windows-readiness-node';
import {
  post,
  startReadinessBackend,
  startSimulatorFixture,
  type SimulatorFixture,
  type TestBackend,
} from './__testUtils__/harness';
import { recordingRootLogger, type LogRecord } from './__testUtils__/logging';

const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const describeWithPostgres = PG ? describe : describe.skip;

jest.setTimeout(150_000);

interface Run {
  backend: string;
  start: number;
  end?: number;
}

describeWithPostgres('the refresh on two backends sharing PostgreSQL', () => {
  const prefix = `winready_concurrency_${randomBytes(4).toString('hex')}_`;
  const runs: Run[] = [];
  const logs: LogRecord[] = [];
  // Refreshes in progress across both backends, and how often one began
  // while another was still running.
  const count = { active: 0, overlaps: 0 };
  let fx: SimulatorFixture;
  const backends: TestBackend[] = [];

  /** The real AKS locator, noting when a refresh (which starts with it) begins. */
  const probe = (backend: string): ClusterLocator => {
    const aks = new AksClusterLocator({
      credential: createAzureCredential({ type: 'static', token: 'test' }),
      config: fx.sourcesConfig().azure!,
      caPem: fx.sim.caPem,
    });
    return {
      id: `probe-${backend}`,
      locate: signal => {
        if (count.active > 0) count.overlaps++;
        count.active++;
        runs.push({ backend, start: Date.now() });
        return aks.locate(signal);
      },
    };
  };
  const ended = (backend: string) => (record: LogRecord) => {
    logs.push({ ...record, meta: { ...record.meta, backend } });
    if (record.message.startsWith('Windows readiness refreshed')) {
      const run = runs.filter(r => r.backend === backend && !r.end).pop();
      if (run) run.end = Date.now();
      count.active--;
    }
  };

  async function startBackend(name: string) {
    return startReadinessBackend({
      // ARM is read through the probe only.
      sources: { ...fx.sourcesConfig(), azure: undefined },
      locators: [probe(name)],
      // Due at start-up, then only when triggered (workers poll every 5 s).
      schedule: { frequency: { minutes: 30 }, timeout: { seconds: 60 } },
      config: {
        backend: {
          database: { client: 'pg', connection: PG!, prefix },
        },
      },
      features: [
        databaseServiceFactory,
        schedulerServiceFactory,
        recordingRootLogger([], ended(name)),
      ],
    });
  }

  async function until(what: string, condition: () => boolean, ms = 20_000) {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
      await new Promise(resolve => setTimeout(resolve, 10));
    }
  }

  beforeAll(async () => {
    fx = await startSimulatorFixture();
    fx.sim.setFault('kubernetes', { latencyMs: 400 });
    backends.push(await startBackend('A'));
    // B joins once A's start-up run is over, so that the two workers poll
    // the task table at different moments and each wins some claims.
    await until('the start-up run', () => runs.some(r => r.end));
    backends.push(await startBackend('B'));
  });

  afterAll(async () => {
    fx?.sim.setFault('kubernetes', undefined);
    await until('the last run', () => count.active === 0).catch(() => {});
    await Promise.all(backends.map(b => b.stop()));
    await fx?.stop();
    const admin = knexFactory({ client: 'pg', connection: PG! });
    try {
      const names: string[] = (
        await admin.raw(
          'SELECT datname FROM pg_database WHERE datname LIKE ?',
          [`${prefix}%`],
        )
      ).rows.map((row: { datname: string }) => row.datname);
      for (const name of names) {
        await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      }
    } finally {
      await admin.destroy();
    }
  });

  it('answers 409 on both while a run holds the lock', async () => {
    expect((await post(backends[1].server, '/v1/refresh')).status).toBe(202);
    await until('the triggered run', () => count.active === 1);
    const answers = await Promise.all(
      backends.map(b => post(b.server, '/v1/refresh')),
    );
    expect(answers.map(a => a.status)).toEqual([409, 409]);
    expect(answers[0].body.error.message).toMatch(
      /^A refresh is already running \(started at /,
    );
  });

  it('never runs two refreshes at once, whoever triggers them and when', async () => {
    const statuses = new Set<number>();
    const deadline = Date.now() + 90_000;
    const ran = (backend: string) =>
      runs.filter(r => r.backend === backend && r.end).length;
    // Triggers on both at once, again and again, until both have run twice.
    let triggered = 0;
    while (triggered < 5 || ran('A') < 2 || ran('B') < 2) {
      if (Date.now() > deadline) break;
      const roundStart = Date.now();
      const answers = await Promise.all(
        backends.map(b => post(b.server, '/v1/refresh')),
      );
      answers.forEach(a => statuses.add(a.status));
      expect(count.overlaps).toBe(0);
      if (!answers.some(a => a.status === 202)) {
        await until('the running refresh', () => count.active === 0);
        continue;
      }
      triggered++;
      await until(
        'a run after the trigger',
        () => runs.some(r => r.start >= roundStart && r.end),
        30_000,
      );
      expect(count.overlaps).toBe(0);
    }
    await until('quiet', () => count.active === 0);

    expect([...statuses].every(s => s === 202 || s === 409)).toBe(true);
    expect(ran('A')).toBeGreaterThanOrEqual(2);
    expect(ran('B')).toBeGreaterThanOrEqual(2);
    expect(count.overlaps).toBe(0);
    const finished = runs.filter(r => r.end);
    expect(finished.length).toBe(runs.length);
    const sorted = [...finished].sort((x, y) => x.start - y.start);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end!);
    }
    // Each run really read the slow clusters.
    for (const run of finished) {
      expect(run.end! - run.start).toBeGreaterThanOrEqual(800);
    }
    expect(logs.filter(l => l.level === 'error')).toEqual([]);
  });
});
