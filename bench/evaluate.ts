/**
 * `yarn bench:evaluate [--json] [--check] [--runs N] [--seed S] [--as-of YYYY-MM-DD]
 *   [--scales 1,2,4] [--clusters N] [--pools-per-cluster N] [--services N]
 *   [--pods-per-service N] [--write-fleet FILE] [--measure FILE]
 *   [--measure-clusters DIR]`
 *
 * Generates the benchmark fleet (100 clusters, 500 pools, 5,000 services,
 * 50,000 pods by default) at each of `--scales` (1x, 2x and 4x: clusters and
 * services scaled), and measures each size in fresh child processes (so that
 * peak memory is that of loading and evaluating, not of generating): the
 * whole fleet, JSON.parse of its text (the floor) then evaluateFleet over
 * 1 warm-up and N measured runs, RSS and heap; and cluster by cluster, as the
 * backend's pipeline runs it (one cluster file parsed and judged with
 * evaluateCluster at a time, services merged at the end). Prints the base
 * size in detail and a growth table over the sizes. A benchmark, not a test: exits 0 whatever
 * the figures. `--check` instead validates small generated fleets against the
 * fleet schema (parseFleet) and exits 1 when one is invalid. `--write-fleet FILE`
 * only writes the generated fleet's JSON; `--measure FILE` measures a fleet
 * file in this process (what the child does; handy under `node --cpu-prof`).
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Fleet } from '@winready/plugin-windows-readiness-common';
import { fleetStats, generateFleet } from './fleet';
import { parseArgs, scaledFleet, type Args } from './evaluate/args';
import { runCheck } from './evaluate/check';
import { measure, MB, type Measurement } from './evaluate/measure';
import { progress } from './evaluate/progress';
import {
  measurePerCluster,
  writeClusterFiles,
  type PerClusterMeasurement,
} from './evaluate/perCluster';
import { buildReport, type ScaleMeasurement } from './evaluate/report';
import { printTable } from './evaluate/table';
import { runMain } from './shared/runMain';

// A fresh process, so that peak memory is that of loading and evaluating.
function measureInFreshProcess<T>(argv: string[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = fork(__filename, argv, {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let received: T | undefined;
    child.on('message', message => {
      received = message as T;
    });
    child.on('error', reject);
    child.on('exit', code =>
      received
        ? resolve(received)
        : reject(
            new Error(`measuring process exited with ${code} and no result`),
          ),
    );
  });
}

/** One size: generate, write the whole JSON and the cluster files, measure both paths in fresh processes. */
async function measureScale(
  args: Args,
  scale: number,
): Promise<ScaleMeasurement> {
  const fleetOptions = scaledFleet(args.fleet, scale);
  progress(`${scale}x: generating ${JSON.stringify(fleetOptions)}`);
  let start = performance.now();
  let fleet: Fleet | undefined = generateFleet(fleetOptions);
  const generateMs = performance.now() - start;
  const stats = fleetStats(fleet);
  progress(
    `generated in ${generateMs.toFixed(0)} ms: ${stats.pods} pods, ${
      stats.objects
    } objects`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'winready-bench-'));
  try {
    start = performance.now();
    let text: string | undefined = JSON.stringify(fleet);
    const stringifyMs = performance.now() - start;
    const file = join(dir, 'fleet.json');
    writeFileSync(file, text);
    const jsonBytes = Buffer.byteLength(text);
    text = undefined;
    const clusterDir = join(dir, 'clusters');
    mkdirSync(clusterDir);
    writeClusterFiles(fleet, clusterDir);
    fleet = undefined;
    const generatorMaxRssMb = process.resourceUsage().maxRSS / 1024;
    progress(
      `fleet JSON ${(jsonBytes / MB).toFixed(
        1,
      )} MB; measuring the whole fleet in a fresh process`,
    );
    const common = ['--runs', String(args.runs), '--as-of', args.asOf];
    const whole = await measureInFreshProcess<Measurement>([
      '--measure',
      file,
      ...common,
    ]);
    progress('measuring cluster by cluster in a fresh process');
    const perCluster = await measureInFreshProcess<PerClusterMeasurement>([
      '--measure-clusters',
      clusterDir,
      ...common,
    ]);
    return {
      scale,
      fleetOptions,
      stats,
      jsonBytes,
      generate: { generateMs, stringifyMs, maxRssMb: generatorMaxRssMb },
      whole,
      perCluster,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runBench(args: Args) {
  const scales: ScaleMeasurement[] = [];
  for (const scale of args.scales) scales.push(await measureScale(args, scale));
  const report = buildReport(args, scales);
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printTable(report);
}

/** Sends a child's result to the parent (or prints it when run by hand). */
async function answer(result: unknown) {
  const send = process.send?.bind(process);
  if (send) {
    await new Promise<void>(resolve => send(result, () => resolve()));
    process.disconnect?.();
  } else {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.measureFile) {
    await answer(measure(args.measureFile, args.runs, new Date(args.asOf)));
    return;
  }
  if (args.measureClusters) {
    await answer(
      measurePerCluster(args.measureClusters, args.runs, new Date(args.asOf)),
    );
    return;
  }
  if (!globalThis.gc)
    progress('note: run with --expose-gc for steadier figures');
  if (args.writeFleet) {
    writeFileSync(args.writeFleet, JSON.stringify(generateFleet(args.fleet)));
    progress(`wrote ${args.writeFleet}`);
    return;
  }
  if (args.check) {
    process.exitCode = runCheck(args);
    return;
  }
  await runBench(args);
}

runMain(main);
