/**
 * `yarn bench:collect [--json] [--concurrency N] [--page-size N] [--runs N]
 *   [--seed S] [--clusters N] [--pools-per-cluster N] [--nodes-per-pool N]
 *   [--services N] [--pods-per-service N] [--images N]
 *   [--simulator-heap-mb N] [--startup-timeout S] [--cpu-prof DIR]
 *   [--measure CONFIG] [--floor FILE]`
 *
 * Generates the collect fleet (100 clusters, 5,000 nodes, 50,000 pods, 2,000
 * distinct images by default), writes it to a temp file and serves it from
 * the AKS simulator's bin in a process of its own. A fresh child process then
 * collects everything through createSnapshotBuilder and the real clients
 * (Azure SDK, @kubernetes/client-node, the OCI registry client) and measures
 * wall time and peak memory; the simulator's request log and counters tell
 * what it asked for. The floor: a second fresh child fetches every distinct
 * response the collector read once, raw, and times JSON.parse over the
 * bodies. A benchmark, not a test: exits 0 whatever the figures, 1 when the
 * collected fleet is not the generated one (then the figures mean little).
 * `--measure CONFIG` collects from whatever simulator that app-config
 * fragment points at, in this process (handy under `node --cpu-prof`);
 * `--floor FILE` is the floor child. Every child is killed when the run ends.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Fleet } from '@winready/plugin-windows-readiness-common';
import { parse } from 'yaml';
import { fleetStats, generateFleet } from './fleet';
import { progress } from './evaluate/progress';
import { parseArgs, type Args } from './collect/args';
import {
  measureFloor,
  type FloorInput,
  type FloorMeasurement,
} from './collect/floor';
import { measureCollect, type CollectMeasurement } from './collect/measure';
import {
  installCleanup,
  onCleanup,
  runChild,
  sendResult,
} from './collect/processes';
import { buildReport, type Expected } from './collect/report';
import { distinctRequests, summarizeRequests } from './collect/requests';
import { startSimulatorProcess } from './collect/simulator';
import { printTable } from './collect/table';
import { errorText, runMain } from './shared/runMain';

const MB = 1024 * 1024;

/** Referenced images whose registry record is an error (the simulator answers 500). */
function registryErrorImages(fleet: Fleet): number {
  const referenced = new Set<string>();
  for (const cluster of fleet.clusters) {
    for (const object of cluster.objects ?? []) {
      if (object.kind !== 'Deployment') continue;
      for (const container of object.spec?.template?.spec?.containers ?? []) {
        referenced.add(container.image);
      }
    }
  }
  return [...referenced].filter(
    image => fleet.images?.[image]?.error !== undefined,
  ).length;
}

/** The static bearer token the simulator's config gives ARM clients. */
function armToken(configFile: string): string {
  const config = parse(readFileSync(configFile, 'utf8'));
  const token = config?.windowsReadiness?.azure?.credential?.token;
  if (typeof token !== 'string') {
    throw new Error(`${configFile} has no static ARM token`);
  }
  return token;
}

function measureArgs(args: Args, configFile: string): string[] {
  return [
    '--measure',
    configFile,
    '--page-size',
    String(args.pageSize),
    ...(args.concurrency ? ['--concurrency', String(args.concurrency)] : []),
  ];
}

async function runBench(args: Args) {
  progress(`generating ${JSON.stringify(args.fleet)}`);
  let start = performance.now();
  let fleet: Fleet | undefined = generateFleet(args.fleet);
  const generateMs = performance.now() - start;
  const stats = fleetStats(fleet);
  const errorImages = registryErrorImages(fleet);
  start = performance.now();
  const text = JSON.stringify(fleet);
  const stringifyMs = performance.now() - start;
  fleet = undefined;
  const expected: Expected = {
    stats,
    registryErrorImages: errorImages,
    jsonBytes: Buffer.byteLength(text),
  };
  progress(
    `generated in ${generateMs.toFixed(0)} ms: ${stats.clusters} clusters, ${
      stats.nodes
    } nodes, ${stats.pods} pods, ${stats.referencedImages} images; JSON ${(
      expected.jsonBytes / MB
    ).toFixed(1)} MB`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'winready-bench-collect-'));
  const removeDir = onCleanup(() =>
    rmSync(dir, { recursive: true, force: true }),
  );
  try {
    const fleetFile = join(dir, 'fleet.json');
    writeFileSync(fleetFile, text);
    progress(
      'starting the simulator (its bin, in its own process); it parses the fleet file as YAML, which takes a while',
    );
    const sim = await startSimulatorProcess({
      fleetFile,
      dir,
      heapMb: args.simulatorHeapMb,
      startupTimeoutS: args.startupTimeoutS,
    });
    try {
      progress(
        `simulator pid ${sim.pid} listening on ${sim.url} after ${(
          sim.startupMs / 1000
        ).toFixed(1)} s; collecting in a fresh process`,
      );
      const before = await sim.requestCounts();
      if (Object.keys(before).length > 0) {
        throw new Error(
          `the simulator counted requests before the collect: ${JSON.stringify(
            before,
          )}`,
        );
      }
      const from = sim.requests.length;
      const simulatorCpuBefore = sim.cpuMs();
      const execArgv = args.cpuProfDir
        ? [
            ...process.execArgv,
            '--cpu-prof',
            `--cpu-prof-dir=${args.cpuProfDir}`,
          ]
        : process.execArgv;
      const collect = await runChild<CollectMeasurement>(
        __filename,
        measureArgs(args, sim.configFile),
        execArgv,
      );
      const simulatorCpuAfter = sim.cpuMs();
      const counts = await sim.requestCounts();
      // The log lines may trail the answers a little.
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      for (let i = 0; i < 100 && sim.requests.length - from < total; i++) {
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      const logged = sim.requests.slice(from);
      const requests = summarizeRequests(logged, counts);

      const floorFile = join(dir, 'floor.json');
      const floorInput: FloorInput = {
        baseUrl: sim.url,
        caFile: sim.caFile,
        kubernetesToken: sim.kubernetesToken,
        armToken: armToken(sim.configFile),
        requests: distinctRequests(logged),
        runs: args.runs,
      };
      writeFileSync(floorFile, JSON.stringify(floorInput));
      progress(
        `collected; the floor: fetching the ${floorInput.requests.length} distinct responses once in a fresh process`,
      );
      const floor = await runChild<FloorMeasurement>(__filename, [
        '--floor',
        floorFile,
      ]);
      const simulator = {
        startupMs: sim.startupMs,
        peakRssMb: sim.peakRssMb(),
        collectCpuMs:
          simulatorCpuBefore === undefined || simulatorCpuAfter === undefined
            ? undefined
            : simulatorCpuAfter - simulatorCpuBefore,
      };

      const report = buildReport(
        args,
        expected,
        { generateMs, stringifyMs },
        simulator,
        collect,
        requests,
        floor,
      );
      if (args.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else printTable(report);
      if (!report.completeness.complete) {
        process.stderr.write(
          `[bench] !!! the collected fleet is NOT the generated one: ${report.completeness.checks
            .filter(x => !x.ok)
            .map(x => `${x.name} ${x.collected} (generated ${x.expected})`)
            .join(', ')}\n`,
        );
        process.exitCode = 1;
      }
    } finally {
      progress(`stopping the simulator (pid ${sim.pid})`);
      await sim.stop();
    }
  } finally {
    removeDir();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.measureConfig || args.floorInput) {
    try {
      await sendResult(
        args.measureConfig
          ? await measureCollect(args.measureConfig, {
              concurrency: args.concurrency,
              pageSize: args.pageSize,
            })
          : await measureFloor(args.floorInput!),
      );
    } catch (error) {
      process.stderr.write(errorText(error));
      // The clients' keep-alive sockets would hold a failed child open.
      process.exit(2);
    }
    return;
  }
  installCleanup();
  if (!globalThis.gc) {
    progress('note: run with --expose-gc for steadier figures');
  }
  await runBench(args);
}

runMain(main);
