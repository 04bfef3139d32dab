/**
 * `yarn bench:scale [--json] [--scale 1,2,4 | --target] [--seed S]
 *   [--clusters N] [--pools-per-cluster N] [--services N] [--pods-per-service N]
 *   [--replicas N] [--shards N] [--shards-per-instance N] [--concurrency N]
 *   [--postgres-url URL] [--heap-mb MB] [--simulator-heap-mb MB]
 *   [--startup-timeout S] [--cycle-timeout S] [--no-single] [--keep]`
 *
 * Collection shared by backend replicas. The AKS simulator runs in a child
 * process serving a fleet it generates in-process from a seed (sizes
 * relative to the benchmark fleet: 100 clusters, 5,000 services, 50,000
 * pods; `--target` is 1,000 clusters, 10,000 pools, 500,000 pods). Three
 * backend replicas (processes of their own, the real plugin) share one
 * PostgreSQL database, fresh for the run and dropped at the end; the bench
 * triggers one cycle and prints the clusters each replica collected (each
 * exactly once?), each replica's peak RSS (VmHWM), the cycle's wall time
 * against one replica on the same fleet, the per-cluster task times and what
 * a replica's cycle would take on cores of its own, and whether the stored
 * report equals evaluateFleet on the same fleet. A benchmark, not a test:
 * PASS/MISS per target, exit 0 whatever the figures (2 when it cannot run).
 * Progress on stderr, the report on stdout. Every child is stopped at the
 * end, on error and on SIGINT/SIGTERM.
 */
import { parseArgs } from './scale/args';
import { buildReport } from './scale/report';
import { runBench } from './scale/run';
import { printTable } from './scale/table';
import { runMain } from './shared/runMain';

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const report = buildReport(args, await runBench(args));
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printTable(report);
}

runMain(main, { exit: true });
