/**
 * `yarn bench:evaluate [--json] [--check] [--runs N] [--seed S] [--as-of YYYY-MM-DD]
 *   [--clusters N] [--pools-per-cluster N] [--services N] [--pods-per-service N]
 *   [--write-fleet FILE] [--measure FILE]`
 *
 * Generates the benchmark fleet (100 clusters, 500 pools, 5,000 services,
 * 50,000 pods by default), serialises it to JSON once, and measures in a fresh
 * child process (so that peak memory is that of loading and evaluating, not of
 * generating): JSON.parse of the text (the floor), evaluateFleet over 1 warm-up
 * and N measured runs, RSS and heap. A benchmark, not a test: exits 0 whatever
 * the figures. `--check` instead validates small generated fleets against the
 * fleet schema (parseFleet) and exits 1 when one is invalid. `--write-fleet FILE`
 * only writes the generated fleet's JSON; `--measure FILE` measures a fleet
 * file in this process (what the child does; handy under `node --cpu-prof`).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Fleet } from '@winready/plugin-windows-readiness-common';
import { fleetStats, generateFleet } from './fleet';
import { parseArgs, type Args } from './evaluate/args';
import { runCheck } from './evaluate/check';
import { measure, MB, type Measurement } from './evaluate/measure';
import { progress } from './evaluate/progress';
import { buildReport } from './evaluate/report';
import { printTable } from './evaluate/table';
import { runMain } from './shared/runMain';

// A fresh process, so that peak memory is that of loading and evaluating.
function measureInFreshProcess(file: string, args: Args): Promise<Measurement> {
  return new Promise<Measurement>((resolve, reject) => {
    const child = fork(
      __filename,
      ['--measure', file, '--runs', String(args.runs), '--as-of', args.asOf],
      {
        execArgv: process.execArgv,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    let received: Measurement | undefined;
    child.on('message', message => {
      received = message as Measurement;
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

async function runBench(args: Args) {
  progress(`generating ${JSON.stringify(args.fleet)}`);
  let start = performance.now();
  let fleet: Fleet | undefined = generateFleet(args.fleet);
  const generateMs = performance.now() - start;
  const stats = fleetStats(fleet);
  progress(
    `generated in ${generateMs.toFixed(0)} ms: ${stats.pods} pods, ${
      stats.objects
    } objects`,
  );
  start = performance.now();
  const text = JSON.stringify(fleet);
  const stringifyMs = performance.now() - start;
  fleet = undefined;
  const generatorMaxRssMb = process.resourceUsage().maxRSS / 1024;

  const dir = mkdtempSync(join(tmpdir(), 'winready-bench-'));
  const file = join(dir, 'fleet.json');
  writeFileSync(file, text);
  const jsonBytes = Buffer.byteLength(text);
  progress(
    `fleet JSON ${(jsonBytes / MB).toFixed(
      1,
    )} MB; measuring in a fresh process`,
  );

  let measurement: Measurement;
  try {
    measurement = await measureInFreshProcess(file, args);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const report = buildReport(
    args,
    { stats, jsonBytes },
    { generateMs, stringifyMs, maxRssMb: generatorMaxRssMb },
    measurement,
  );
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printTable(report);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.measureFile) {
    const result = measure(args.measureFile, args.runs, new Date(args.asOf));
    const send = process.send?.bind(process);
    if (send) {
      await new Promise<void>(resolve => send(result, () => resolve()));
      process.disconnect?.();
    } else {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    }
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
