/**
 * The run of `yarn bench:scale`, size by size: the simulator child
 * generates and serves the fleet; then a phase with N replicas on a fresh
 * database (one cycle, who collected what, memory, the report against
 * evaluateFleet) and a phase with one replica on another fresh database
 * (the same cycle alone). Databases are dropped and every child stopped at
 * the end of each phase, whatever happened.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkChild, stopAll } from '../api/children';
import { dropPostgresDatabases } from '../api/postgres';
import { progress } from '../evaluate/progress';
import type { Args, Size } from './args';
import { runCycle, type CycleFigures } from './cycle';
import { compareReport, type Equality } from './equality';
import { startReplicas, stopReplicas, type RunningReplica } from './replicas';
import type { SimulatorReady } from './simulatorChild';

export interface PhaseResult {
  replicas: number;
  startupS: number;
  cycle: CycleFigures;
  equality?: Equality;
}

export interface SizeResult {
  size: Size;
  fleet: Pick<SimulatorReady, 'stats' | 'services' | 'clusters' | 'generateMs'>;
  shared: PhaseResult;
  single?: PhaseResult;
}

async function runPhase(
  args: Args,
  options: {
    count: number;
    dir: string;
    prefix: string;
    sim: SimulatorReady;
    simulator: ReturnType<typeof forkChild>;
    entitiesFile: string;
    compare: boolean;
  },
): Promise<PhaseResult> {
  const token = randomBytes(24).toString('hex');
  let replicas: RunningReplica[] = [];
  try {
    progress(
      `starting ${options.count} replica(s) on PostgreSQL, databases ${options.prefix}*`,
    );
    const start = Date.now();
    replicas = await startReplicas({
      count: options.count,
      dir: options.dir,
      prefix: options.prefix,
      postgresUrl: args.postgresUrl,
      token,
      sim: options.sim,
      entitiesFile: options.entitiesFile,
      shards: args.shards,
      shardsPerInstance: args.shardsPerInstance,
      concurrency: args.concurrency,
      cycleTimeoutS: args.cycleTimeoutS,
      startupTimeoutS: args.startupTimeoutS,
      heapMb: args.heapMb,
      together: args.startTogether,
      require: args.replicaRequire,
      tag: options.prefix.replace(/^winready_bench_scale_\d+_/, ''),
    });
    const startupS = (Date.now() - start) / 1000;
    progress(
      `replicas up in ${startupS.toFixed(0)} s (pids ${replicas
        .map(r => `${r.name} ${r.pid}`)
        .join(', ')}); triggering one cycle`,
    );
    const cycle = await runCycle({
      replicas,
      token,
      clusters: options.sim.clusters.length,
      timeoutS: args.cycleTimeoutS,
      postgresUrl: args.postgresUrl,
      prefix: options.prefix,
    });
    progress(
      `cycle done in ${(cycle.wallMs / 1000).toFixed(1)} s: ${cycle.replicas
        .map(r => `${r.name} ${r.clusters.length} clusters`)
        .join(', ')}`,
    );
    let equality: Equality | undefined;
    if (options.compare) {
      progress('reading the stored report and evaluating the fleet');
      equality = await compareReport({
        baseUrl: replicas[0].baseUrl,
        token,
        asOf: cycle.asOf,
        simulator: options.simulator,
      });
      progress(
        `report ${equality.same ? 'same as' : 'DIFFERENT from'} evaluateFleet`,
      );
    }
    return { replicas: options.count, startupS, cycle, equality };
  } finally {
    await stopReplicas(replicas);
    await dropPostgresDatabases(args.postgresUrl, options.prefix).catch(error =>
      progress(`could not drop ${options.prefix}*: ${error}`),
    );
  }
}

async function runSize(args: Args, size: Size, dir: string, index: number) {
  progress(
    `${size.label}: the simulator generates ${JSON.stringify(size.fleet)}`,
  );
  const entitiesFile = join(dir, `entities-${index}.json`);
  const simulator = forkChild({
    name: 'aks-simulator',
    module: join(__dirname, 'simulatorChild.ts'),
    args: [
      JSON.stringify(size.fleet),
      join(dir, `simulator-ca-${index}.pem`),
      entitiesFile,
    ],
    heapMb: args.simulatorHeapMb,
    logFile: join(dir, `simulator-${index}.log`),
  });
  try {
    const sim = await simulator.waitForMessage<SimulatorReady>(
      m => (m?.type === 'ready' ? m : undefined),
      args.startupTimeoutS * 1000,
    );
    progress(
      `simulator up: ${sim.clusters.length} clusters, ${
        sim.stats.pools
      } pools, ${sim.stats.pods} pods, ${
        sim.services
      } services (generated in ${(sim.generateMs / 1000).toFixed(1)} s)`,
    );
    const phase = (count: number, compare: boolean, tag: string) =>
      runPhase(args, {
        count,
        dir,
        prefix: `winready_bench_scale_${process.pid}_${index}${tag}_`,
        sim,
        simulator,
        entitiesFile,
        compare,
      });
    const shared = await phase(args.replicas, true, 'n');
    const single = args.noSingle ? undefined : await phase(1, false, 's');
    const { stats, services, clusters, generateMs } = sim;
    return {
      size,
      fleet: { stats, services, clusters, generateMs },
      shared,
      single,
    };
  } finally {
    await stopAll();
  }
}

export async function runBench(args: Args): Promise<SizeResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'winready-bench-scale-'));
  let failed = true;
  try {
    const results: SizeResult[] = [];
    for (const [index, size] of args.sizes.entries()) {
      results.push(await runSize(args, size, dir, index));
    }
    failed = false;
    return results;
  } finally {
    await dropPostgresDatabases(
      args.postgresUrl,
      `winready_bench_scale_${process.pid}_`,
    ).catch(() => undefined);
    if (failed || args.keep) progress(`logs and config kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
