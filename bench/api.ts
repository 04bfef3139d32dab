/**
 * `yarn bench:api [--json] [--seed S] [--services N] [--clusters N]
 *   [--pools-per-cluster N] [--pods-per-service N] [--database sqlite|postgres]
 *   [--postgres-url URL] [--connections N] [--duration S]
 *   [--report-connections N] [--report-duration S] [--compare-connections N]
 *   [--compare-duration S] [--unowned-workloads N] [--what-if-connections N]
 *   [--what-if-requests N] [--taint-requests N] [--what-if-duration S]
 *   [--request-timeout S] [--startup-timeout S] [--catalog-timeout S]
 *   [--refresh-timeout S] [--keep]`
 *
 * The windows-readiness HTTP API under load, in a real Backstage backend.
 * Generates the benchmark fleet (100 clusters, 5,000 services, 50,000 pods,
 * and 2,000 workloads no catalog entity maps to),
 * serves it from the AKS simulator in a child process, and starts a backend
 * in another child process (createBackend() with the windows-readiness
 * plugin, the real catalog fed a file of 5,000 Components, the permission
 * backend with the allow-all policy, the auth backend with the guest
 * provider, and the Kubernetes backend pointed at the simulator's 100
 * clusters; SQLite in memory, or PostgreSQL with `--database postgres`).
 * Once the catalog holds every Component, it triggers the plugin's refresh,
 * the real path: the sources read the simulator through the Azure SDK, the
 * Kubernetes client and the registry client, and the store is filled.
 *
 * Then it measures with autocannon, as a signed-in guest user: the entity
 * endpoint at 50 connections over all entities; the JSON and CSV reports at
 * low concurrency, and the workloads no entity maps to likewise; for one
 * entity, the entity endpoint against the Kubernetes backend's workloads
 * query (what the Kubernetes tab asks for) at 1 and 10 connections, with
 * their ratio; and 20 concurrent what-ifs (OS SKU moves and taints, first
 * answers and cached ones). Every run also gives the backend's event-loop
 * delay, and the backend's RSS is taken after the refresh and after the
 * runs. A benchmark, not a test: prints
 * PASS/MISS per target and exits 0 whatever the figures (2 when it cannot
 * run). Progress on stderr, the report on stdout (`--json` for JSON). Every
 * child process is stopped at the end, on error and on SIGINT/SIGTERM.
 */
import { parseArgs } from './api/args';
import { runBench } from './api/run';
import { printTable } from './api/table';
import { runMain } from './shared/runMain';

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const report = await runBench(args);
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printTable(report);
}

runMain(main, { exit: true });
