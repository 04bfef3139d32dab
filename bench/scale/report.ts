/**
 * The report of `yarn bench:scale`: per size, the split of the clusters
 * over the replicas (each exactly once?), each replica's peak RSS, the
 * cycle against one replica, the per-cluster task times and what a
 * replica's cycle would take on its own cores, and the report against
 * evaluateFleet; the targets judged PASS or MISS. `--json` prints it as it
 * is; ./table.ts lays it out.
 */
import { cpus, loadavg } from 'node:os';
import { latencySummary } from '../shared/stats';
import type { Args } from './args';
import type { PhaseResult, SizeResult } from './run';

export const TARGET_REPLICA_MB = 1024;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export interface TaskStats {
  count: number;
  p50: number;
  p90: number;
  max: number;
  sumS: number;
}

export interface ReplicaRow {
  name: string;
  clusters: number;
  shards: number[];
  rssBeforeMb: number;
  peakRssMb: number;
  cpuS: number;
  /** Sum of its clusters' task times in this cycle (sharing the cores). */
  taskSumS: number;
  /**
   * Its cycle on cores of its own: the one-replica cycle's wall time times
   * this replica's share of the per-cluster task time, with each cluster's
   * task time taken from the one-replica cycle.
   */
  ownCoresS?: number;
}

export interface SizeReport {
  label: string;
  fleet: SizeResult['fleet']['stats'] & { services: number };
  replicas: ReplicaRow[];
  once: {
    each: boolean;
    duplicates: Array<[string, number]>;
    missing: string[];
  };
  wallS: { shared: number; single?: number; ownCores?: number };
  startupS: { shared: number; single?: number };
  tasksMs: { shared: TaskStats; single?: TaskStats };
  singlePeakRssMb?: number;
  singleCpuS?: number;
  shards: PhaseResult['cycle']['shards'];
  equality?: PhaseResult['equality'];
  targets: Array<{ name: string; limit: string; value: string; pass: boolean }>;
}

export interface Report {
  benchmark: 'scale';
  node: string;
  cpu: string;
  loadAverage: number[];
  setup: {
    replicas: number;
    shards: number;
    shardsPerInstance: number;
    concurrency: number | string;
    replicaHeapMb: number;
    start: 'one after the other' | 'together';
    replicaRequire?: string;
  };
  sizes: SizeReport[];
}

function taskStats(tasks: Array<{ ms: number }>): TaskStats {
  const sorted = tasks.map(t => t.ms).sort((a, b) => a - b);
  const s = latencySummary(sorted);
  return {
    count: sorted.length,
    p50: s.p50,
    p90: s.p90,
    max: s.max,
    sumS: sorted.reduce((n, v) => n + v, 0) / 1000,
  };
}

function sizeReport(result: SizeResult): SizeReport {
  const { shared, single } = result;
  const times = new Map<string, number>();
  for (const r of shared.cycle.replicas) {
    for (const cluster of r.clusters) {
      times.set(cluster, (times.get(cluster) ?? 0) + 1);
    }
  }
  const duplicates = [...times].filter(([, n]) => n > 1);
  const missing = result.fleet.clusters.filter(c => !times.has(c));
  const once = {
    each: duplicates.length === 0 && missing.length === 0,
    duplicates,
    missing,
  };
  const singleTask = new Map(
    (single?.cycle.tasks ?? []).map(t => [t.cluster, t.ms]),
  );
  const singleTotal = [...singleTask.values()].reduce((n, v) => n + v, 0);
  const replicas: ReplicaRow[] = shared.cycle.replicas.map(r => {
    const mine = shared.cycle.tasks.filter(t => t.replica === r.name);
    const share =
      r.clusters.reduce((n, c) => n + (singleTask.get(c) ?? 0), 0) /
      singleTotal;
    return {
      name: r.name,
      clusters: r.clusters.length,
      shards: r.shards.map(s => s).sort((a, b) => a - b),
      rssBeforeMb: r.rssBeforeMb,
      peakRssMb: r.peakRssMb,
      cpuS: r.cpuS,
      taskSumS: mine.reduce((n, t) => n + t.ms, 0) / 1000,
      ...(single && singleTotal > 0
        ? { ownCoresS: (single.cycle.wallMs / 1000) * share }
        : {}),
    };
  });
  const ownCores = replicas.every(r => r.ownCoresS !== undefined)
    ? Math.max(...replicas.map(r => r.ownCoresS!))
    : undefined;
  const maxPeak = Math.max(...replicas.map(r => r.peakRssMb));
  const equality = shared.equality;
  return {
    label: result.size.label,
    fleet: { ...result.fleet.stats, services: result.fleet.services },
    replicas,
    once,
    wallS: {
      shared: shared.cycle.wallMs / 1000,
      single: single && single.cycle.wallMs / 1000,
      ownCores,
    },
    startupS: { shared: shared.startupS, single: single?.startupS },
    tasksMs: {
      shared: taskStats(shared.cycle.tasks),
      single: single && taskStats(single.cycle.tasks),
    },
    singlePeakRssMb: single?.cycle.replicas[0].peakRssMb,
    singleCpuS: single?.cycle.replicas[0].cpuS,
    shards: shared.cycle.shards,
    equality,
    targets: [
      {
        name: 'each cluster collected once',
        limit: 'exactly 1',
        value: once.each
          ? `${fmt(times.size)} of ${fmt(result.fleet.clusters.length)}`
          : `${duplicates.length} twice+, ${missing.length} missing`,
        pass: once.each,
      },
      {
        name: 'each replica peak RSS',
        limit: `< ${TARGET_REPLICA_MB / 1024} GB`,
        value: `${fmt(maxPeak)} MB`,
        pass: maxPeak < TARGET_REPLICA_MB,
      },
      {
        name: 'report equals evaluateFleet',
        limit: 'same',
        value: !equality
          ? 'not compared'
          : equality.same
          ? 'same'
          : `${equality.differing} differ`,
        pass: !!equality?.same,
      },
    ],
  };
}

export function buildReport(args: Args, results: SizeResult[]): Report {
  return {
    benchmark: 'scale',
    node: process.version,
    cpu: `${cpus()[0]?.model.trim() ?? 'unknown CPU'} x${cpus().length}`,
    loadAverage: loadavg(),
    setup: {
      replicas: args.replicas,
      shards: args.shards,
      shardsPerInstance: args.shardsPerInstance,
      concurrency: args.concurrency ?? 'default (8)',
      replicaHeapMb: args.heapMb,
      start: args.startTogether ? 'together' : 'one after the other',
      ...(args.replicaRequire ? { replicaRequire: args.replicaRequire } : {}),
    },
    sizes: results.map(sizeReport),
  };
}
