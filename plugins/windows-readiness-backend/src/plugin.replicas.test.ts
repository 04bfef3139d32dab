/**
 * Three backend replicas, each a process of its own, on ONE PostgreSQL with
 * the real scheduler: the clusters are spread over shard tasks that the
 * replicas share; every cluster is collected once a cycle; a replica killed
 * (SIGKILL) in the middle of a shard loses nothing, and its clusters are
 * collected by the others in the next cycle.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { Fleet } from '@winready/plugin-windows-readiness-common';
import {
  loadDemoEntities,
  loadDemoFleet,
  merge,
  startSimulatorFixture,
  type SimulatorFixture,
} from './__testUtils__/harness';
import { startReplica, type Replica } from './__testUtils__/replicas';
import { shardOf } from './refresh/shards';

const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const describeWithPostgres = PG ? describe : describe.skip;
jest.setTimeout(300_000);

const SHARDS = 6;
const TASKS = 'backstage_backend_tasks__tasks';

/** The demo's clusters, twice, under other names: more clusters than shards. */
function twoDemos(): Fleet {
  const demo = loadDemoFleet();
  return {
    ...demo,
    clusters: [1, 2].flatMap(copy =>
      demo.clusters.map(cluster => ({
        ...cluster,
        name: `${cluster.name}-${copy}`,
      })),
    ),
  };
}

describeWithPostgres('three replicas on one PostgreSQL', () => {
  const prefix = `winready_replicas_${randomBytes(4).toString('hex')}_`;
  const dir = mkdtempSync(join(tmpdir(), 'winready-replicas-'));
  let fx: SimulatorFixture;
  let db: Knex;
  const replicas: Replica[] = [];
  let clusterNames: string[] = [];

  async function until(
    what: string,
    condition: () => Promise<boolean> | boolean,
    ms = 120_000,
  ) {
    const deadline = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting: ${what}\n${replicas
            .map(r => `${r.name}: ${r.lines.slice(-8).join('\n')}`)
            .join('\n')}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  /** Who collected each cluster since `since` (ms), in order. */
  const collectedSince = (since: number) => {
    const byCluster = new Map<string, string[]>();
    for (const replica of replicas) {
      for (const { cluster, at } of replica.collected) {
        if (at < since) continue;
        byCluster.set(cluster, [
          ...(byCluster.get(cluster) ?? []),
          replica.name,
        ]);
      }
    }
    return byCluster;
  };

  /** Until no shard runs and none is due (the previous cycle is over). */
  const quiet = () =>
    until('no shard running or due', async () => {
      const busy = await db(TASKS)
        .where('id', 'like', 'windows-readiness-refresh%')
        .where(q =>
          q
            .whereNotNull('current_run_ticket')
            .orWhere('next_run_start_at', '<=', db.fn.now()),
        )
        .count({ n: '*' });
      return Number(busy[0].n) === 0;
    });

  /** Every shard task due now, as a cycle's start makes them (not those held). */
  const startCycle = async () => {
    const started = Date.now();
    await db(TASKS)
      .where('id', 'like', 'windows-readiness-refresh%')
      .whereNull('current_run_ticket')
      .update({ next_run_start_at: db.fn.now() });
    return started;
  };

  beforeAll(async () => {
    fx = await startSimulatorFixture({}, twoDemos());
    clusterNames = fx.fleet.clusters.map(c => c.name).sort();
    const entitiesFile = join(dir, 'entities.json');
    writeFileSync(entitiesFile, JSON.stringify(loadDemoEntities()));
    const config = (port: number) =>
      merge(fx.appConfig, {
        backend: {
          baseUrl: `http://localhost:${port}`,
          listen: { port },
          database: { client: 'pg', connection: PG!, prefix },
        },
        windowsReadiness: {
          schedule: {
            frequency: { minutes: 30 },
            timeout: { seconds: 20 },
          },
          shards: SHARDS,
        },
      });
    const base = 20000 + Math.floor(Math.random() * 20000);
    for (const [i, name] of ['A', 'B', 'C'].entries()) {
      replicas.push(
        await startReplica({
          name,
          dir,
          config: config(base + i),
          entitiesFile,
          heapMb: 1024,
        }),
      );
    }
    const admin = knexFactory({ client: 'pg', connection: PG! });
    const [{ datname }] = (
      await admin.raw('SELECT datname FROM pg_database WHERE datname LIKE ?', [
        `${prefix}%windows%`,
      ])
    ).rows;
    await admin.destroy();
    db = knexFactory({
      client: 'pg',
      connection: `${PG!.replace(/\/+$/, '')}/${datname}`,
    });
    // The start-up cycle: every cluster stored.
    await until(
      'every cluster stored',
      async () =>
        (await db('winready_cluster_snapshots').count({ n: '*' }))[0].n ===
        String(clusterNames.length),
    );
  });

  afterAll(async () => {
    for (const replica of replicas) replica.kill('SIGKILL');
    await db?.destroy();
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
    rmSync(dir, { recursive: true, force: true });
  });

  it('collects every cluster exactly once a cycle, the replicas sharing the shards', async () => {
    await quiet();
    // Shards that take a while, as real clusters do: a replica that polls
    // first is still busy when its next shard comes, and hands it back.
    for (const name of clusterNames) {
      fx.sim.setFault(`kubernetes:${name}`, { latencyMs: 400 });
    }
    const since = await startCycle();
    await until(
      'the cycle',
      () => collectedSince(since).size === clusterNames.length,
    );
    for (const name of clusterNames) {
      fx.sim.setFault(`kubernetes:${name}`, undefined);
    }
    // A moment more: a second collection of a cluster would show now.
    await new Promise(resolve => setTimeout(resolve, 3000));
    const byCluster = collectedSince(since);
    expect([...byCluster.keys()].sort()).toEqual(clusterNames);
    for (const [cluster, by] of byCluster) {
      expect({ cluster, times: by.length }).toEqual({ cluster, times: 1 });
    }
    const by = new Set([...byCluster.values()].flat());
    expect(by.size).toBeGreaterThan(1);
    // Each stored cluster names the replica that read it.
    const rows = await db('winready_cluster_snapshots').select(
      'name',
      'collected_by',
    );
    expect(rows.every(row => /\/\d+\//.test(row.collected_by))).toBe(true);
  });

  it('loses nothing when a replica is killed mid-shard, and its clusters are collected in the next cycle', async () => {
    const services = async () =>
      (await db('winready_service_results').pluck('id')).sort();
    const before = await services();
    expect(before.length).toBeGreaterThan(0);
    // Whoever collects this cluster hangs in the middle of its shard.
    const slow = clusterNames[0];
    await quiet();
    fx.sim.setFault(`kubernetes:${slow}`, { latencyMs: 120_000 });
    const since = await startCycle();
    let victim: Replica | undefined;
    // The replica running the slow cluster's shard, as its run record says.
    await until("a replica stuck in the slow cluster's shard", async () => {
      const row = await db('winready_meta')
        .where('key', `refresh.running:${shardOf(slow, SHARDS)}`)
        .first();
      const running = row && JSON.parse(row.value);
      victim = replicas.find(
        r => !r.exited && running?.instance?.includes(`/${r.pid}/`),
      );
      return !!victim && !collectedSince(since).has(slow);
    });
    victim!.kill('SIGKILL');
    await until('the victim gone', () => victim!.exited, 10_000).catch(
      () => {},
    );
    fx.sim.setFault(`kubernetes:${slow}`, undefined);

    // Nothing is lost: every cluster and every service is still stored.
    expect(
      (await db('winready_cluster_snapshots').pluck('name')).sort(),
    ).toEqual(clusterNames);
    expect(await services()).toEqual(before);

    // The next cycles, on the replicas left, collect the slow cluster too
    // (its shard is freed when the dead replica's run times out).
    const killedAt = Date.now();
    await until(
      'the slow cluster collected by a replica left',
      async () => {
        await startCycle();
        return replicas.some(
          r =>
            r !== victim &&
            r.collected.some(c => c.cluster === slow && c.at >= killedAt),
        );
      },
      180_000,
    );
    expect(await services()).toEqual(before);
  });
});
