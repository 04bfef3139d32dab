/**
 * One collection cycle of `yarn bench:scale`: triggered with POST
 * /v1/refresh (every shard task due at once, for whichever replica the
 * scheduler gives it to), waited for through GET /v1/status (every shard's
 * last run started after the trigger, none running), then measured: who
 * collected which cluster (the replicas' log lines), each replica's peak
 * RSS and CPU time, each shard's run, and each cluster's task time (its
 * collection's start, stored with it, to its "collected" log line).
 */
import knexFactory from 'knex';
import { processCpuSeconds } from '../api/children';
import { request } from '../api/http';
import { progress } from '../evaluate/progress';
import { waitFor } from '../shared/waitFor';
import { memoryOf, type RunningReplica } from './replicas';

export const WR = '/api/windows-readiness';

export interface ShardRun {
  shard: number;
  /** The replica that ran it (by the pid in its instance name). */
  replica: string;
  clusters: number;
  ms: number;
  failed?: string;
}

export interface ReplicaFigures {
  name: string;
  pid: number;
  /** Clusters it collected this cycle, in order. */
  clusters: string[];
  shards: number[];
  /** VmRSS when the cycle was triggered (the backend up and idle). */
  rssBeforeMb: number;
  /** VmHWM: the process's peak resident memory since it started. */
  peakRssMb: number;
  rssAfterMb: number;
  /** CPU seconds it used during the cycle (user + system). */
  cpuS: number;
}

export interface CycleFigures {
  replicas: ReplicaFigures[];
  shards: ShardRun[];
  /** Trigger to the end of the last shard run. */
  wallMs: number;
  /** Per cluster: its collection's start (stored) to its "collected" log line. */
  tasks: Array<{ cluster: string; replica: string; ms: number }>;
  asOf: string;
}

const get = async (replica: RunningReplica, path: string, token: string) => {
  const answer = await request(`${replica.baseUrl}${WR}${path}`, {
    token,
    timeoutMs: 120_000,
  });
  if (answer.status !== 200) {
    throw new Error(`GET ${path} answered ${answer.status}: ${answer.text}`);
  }
  return answer.json();
};

/** The windows-readiness database of a prefix, as a knex client. */
async function pluginDatabase(url: string, prefix: string) {
  const admin = knexFactory({ client: 'pg', connection: url });
  try {
    const { rows } = await admin.raw(
      "SELECT datname FROM pg_database WHERE starts_with(datname, ?) AND datname LIKE '%windows%'",
      [prefix],
    );
    if (!rows[0]) throw new Error(`no windows-readiness database ${prefix}*`);
    return knexFactory({
      client: 'pg',
      connection: `${url.replace(/\/+$/, '')}/${rows[0].datname}`,
    });
  } finally {
    await admin.destroy();
  }
}

export async function runCycle(options: {
  replicas: RunningReplica[];
  token: string;
  clusters: number;
  timeoutS: number;
  postgresUrl: string;
  prefix: string;
}): Promise<CycleFigures> {
  const { replicas, token } = options;
  const first = replicas[0];
  const cpuBefore = replicas.map(r => processCpuSeconds(r.pid));
  const rssBefore = replicas.map(r => memoryOf(r.pid).rssMb);
  const triggerAt = Date.now();
  const triggered = await request(`${first.baseUrl}${WR}/v1/refresh`, {
    method: 'POST',
    token,
    timeoutMs: 60_000,
  });
  if (triggered.status !== 202) {
    throw new Error(
      `POST /v1/refresh answered ${triggered.status}: ${triggered.text}`,
    );
  }
  const since = new Date(triggerAt - 1000).toISOString();
  const collectedSince = () =>
    replicas.reduce(
      (n, r) => n + r.collected.filter(c => c.at >= triggerAt).length,
      0,
    );
  const status = await waitFor(
    'the cycle: every shard run after the trigger',
    async () => {
      const body = await get(first, '/v1/status', token);
      const shards = body.shards as Array<{ running: unknown; last: any }>;
      const done = shards.every(
        s => !s.running && s.last && s.last.startedAt >= since,
      );
      return done ? body : undefined;
    },
    {
      timeoutMs: options.timeoutS * 1000,
      intervalMs: 1000,
      alive: () => {
        const dead = replicas.find(r => r.replica.exited);
        if (dead) throw new Error(`replica ${dead.name} exited mid-cycle`);
      },
      onWait: s =>
        progress(
          `cycle: ${collectedSince()} of ${
            options.clusters
          } clusters collected after ${s} s`,
        ),
    },
  );
  const figures: ReplicaFigures[] = replicas.map((r, i) => ({
    name: r.name,
    pid: r.pid,
    clusters: r.collected.filter(c => c.at >= triggerAt).map(c => c.cluster),
    shards: [],
    rssBeforeMb: rssBefore[i],
    ...(({ peakMb, rssMb }) => ({ peakRssMb: peakMb, rssAfterMb: rssMb }))(
      memoryOf(r.pid),
    ),
    cpuS: processCpuSeconds(r.pid) - cpuBefore[i],
  }));
  const byInstance = (instance: string) =>
    figures.find(f => instance?.includes(`/${f.pid}/`))?.name ?? '?';
  let endAt = triggerAt;
  const shards: ShardRun[] = (status.shards as any[]).map(({ shard, last }) => {
    const end = Date.parse(last.finishedAt ?? last.failedAt);
    endAt = Math.max(endAt, end);
    const replica = byInstance(last.instance);
    figures.find(f => f.name === replica)?.shards.push(shard);
    return {
      shard,
      replica,
      clusters: last.clusters ?? 0,
      ms: end - Date.parse(last.startedAt),
      ...(last.failedAt ? { failed: String(last.error) } : {}),
    };
  });

  const db = await pluginDatabase(options.postgresUrl, options.prefix);
  let rows: Array<{ name: string; attempted_at: Date }>;
  try {
    rows = await db('winready_cluster_snapshots').select(
      'name',
      'attempted_at',
    );
  } finally {
    await db.destroy();
  }
  const startOf = new Map(
    rows.map(row => [row.name, new Date(row.attempted_at).getTime()]),
  );
  const tasks = replicas.flatMap(r =>
    r.collected
      .filter(c => c.at >= triggerAt && startOf.has(c.cluster))
      .map(c => ({
        cluster: c.cluster,
        replica: r.name,
        ms: c.at - startOf.get(c.cluster)!,
      })),
  );
  return {
    replicas: figures,
    shards,
    wallMs: endAt - triggerAt,
    tasks,
    asOf: status.asOf,
  };
}
