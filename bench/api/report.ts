/**
 * The report of `yarn bench:api`: the set-up, each load run, the
 * like-for-like comparison with the Kubernetes backend, and the targets
 * judged PASS or MISS. `--json` prints it as it is; ./table.ts lays it out.
 */
import { cpus, loadavg } from 'node:os';
import type { FleetStats, GenerateFleetOptions } from '../fleet';
import type { Args, DatabaseChoice } from './args';
import type { RefreshOutcome } from './backstage';
import { sameCounts } from './expected';
import type { LoadResult } from './load';
import type { BackendMemory } from './probe';

export const TARGET_ENTITY_P99_MS = 25;
export const TARGET_REPORT_JSON_MS = 300;
export const TARGET_REPORT_CSV_MS = 500;
/** Issue 12: 20 concurrent what-ifs, their p99 and the event-loop delay's p99. */
export const TARGET_WHAT_IF_P99_MS = 100;
export const TARGET_LOOP_DELAY_P99_MS = 100;
/** Issue 13: the backend's RSS after the refresh and after the load runs. */
export const TARGET_RSS_AFTER_REFRESH_MB = 500;
export const TARGET_RSS_AFTER_LOAD_MB = 600;

export interface Setup {
  loadAverageBeforeRuns: number;
  /** Why the steady-rate run did not happen, if it did not. */
  skipped?: string;
  database: DatabaseChoice;
  /** `--backend-require`: a module the backend loaded first (a patched plugin, say). */
  backendRequire?: string;
  catalog: string;
  generateMs: number;
  stats: FleetStats;
  services: number;
  backendStartS: number;
  catalogS: number;
  refreshS: number;
  refresh: RefreshOutcome;
  asOf: string;
  /** The backend's own figures once it is up, after the refresh and after every run. */
  memory: {
    atStart: BackendMemory;
    /** With the catalog's entities ingested, before the first refresh: what the refresh adds is the difference. */
    catalogReady: BackendMemory;
    afterRefresh: BackendMemory;
    afterLoad?: BackendMemory;
  };
  /** Workloads no catalog entity maps to: generated, served by `GET /v1/workloads`, found here. */
  unowned: {
    requested: number;
    stored: number;
    storedStatuses: Record<string, number>;
    local: number;
    localStatuses: Record<string, number>;
  };
  whatIf: {
    windowsPools: number;
    osSkuRequests: number;
    taintRequests: number;
    examples: { osSku?: string; taint?: string };
  };
  /** Services the report lists (entities mapped to evaluated services). */
  storedServices: number;
  storedStatuses: Record<string, number>;
  /** The same fleet evaluated in this process (evaluateFleet, same as-of). */
  localStatuses: Record<string, number>;
  comparedEntity: string;
  comparedClusters: string[];
  entityBytes: number;
  kubernetes: {
    /** What the Kubernetes backend was configured to fetch (see --kubernetes-kinds). */
    kinds: string;
    /** Kubernetes API requests the simulator served for one workloads query. */
    apiCallsPerQuery: number;
    clustersInAnswer: number;
    clustersWithObjects: number;
    errorsInAnswer: number;
    bytes: number;
    firstQueryMs: number;
  };
}

export interface Comparison {
  connections: number;
  windowsReadiness: { p50: number; p99: number; rps: number };
  kubernetes: { p50: number; p99: number; rps: number };
  /** Kubernetes backend / windows-readiness entity endpoint. */
  ratioP50: number;
  ratioP99: number;
}

export interface Target {
  name: string;
  limit: string;
  value: string;
  pass: boolean;
  note?: string;
}

export interface Report {
  benchmark: 'api';
  node: string;
  cpu: string;
  /** 1-minute load average when the set-up ended and when the last run ended: other work on the machine. */
  loadAverage: { beforeRuns: number; afterRuns: number };
  fleetOptions: GenerateFleetOptions;
  setup: Setup;
  runs: Record<string, LoadResult>;
  comparison: Comparison[];
  statusesMatch: boolean;
  /** The workloads without an entity: same number and statuses as evaluateCluster finds here. */
  unownedMatch: boolean;
  targets: Target[];
}

export const fmt = (n: number) =>
  Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
export const ms = (n: number) =>
  Number.isFinite(n) ? `${n < 100 ? n.toFixed(1) : fmt(n)} ms` : 'n/a';

function clean(run: LoadResult): string | undefined {
  const problems = [
    run.ok === 0 ? 'no 2xx answer' : '',
    run.non2xx ? `${run.non2xx} non-2xx` : '',
    run.errors ? `${run.errors} errors (${run.timeouts} timeouts)` : '',
  ].filter(Boolean);
  return problems.length ? problems.join(', ') : undefined;
}

function loopDelayTarget(name: string, run: LoadResult | undefined): Target {
  const p99 = run?.eventLoopDelay?.p99Ms ?? NaN;
  return {
    name,
    limit: `< ${fmt(TARGET_LOOP_DELAY_P99_MS)} ms`,
    value: ms(p99),
    pass: p99 < TARGET_LOOP_DELAY_P99_MS,
    note: run?.eventLoopDelay
      ? `max ${ms(run.eventLoopDelay.maxMs)}, ${fmt(
          run.eventLoopDelay.samples,
        )} samples`
      : undefined,
  };
}

function memoryTarget(
  name: string,
  memory: BackendMemory | undefined,
  limitMb: number,
): Target {
  const rss = memory?.rssMb ?? NaN;
  return {
    name,
    limit: `< ${fmt(limitMb)} MB`,
    value: `${fmt(rss)} MB`,
    pass: rss < limitMb,
    note: memory
      ? `heap ${fmt(memory.heapUsedMb)} MB, peak RSS ${fmt(
          memory.peakRssMb,
        )} MB`
      : undefined,
  };
}

function latencyTarget(
  name: string,
  run: LoadResult | undefined,
  limitMs: number,
): Target {
  if (!run)
    return { name, limit: `< ${limitMs} ms`, value: 'n/a', pass: false };
  const note = clean(run);
  return {
    name,
    limit: `< ${fmt(limitMs)} ms`,
    value: ms(run.latencyMs.p99),
    // Failed or unanswered requests are not fast ones.
    pass: run.latencyMs.p99 < limitMs && note === undefined,
    note,
  };
}

export function buildReport(
  args: Args,
  setup: Setup,
  results: LoadResult[],
): Report {
  const runs = Object.fromEntries(results.map(r => [r.name, r]));
  const comparison: Comparison[] = [];
  for (const connections of [1, args.compareConnections]) {
    const wr = runs[`entity-same-c${connections}`];
    const kube = runs[`kubernetes-same-c${connections}`];
    if (!wr || !kube) continue;
    comparison.push({
      connections,
      windowsReadiness: {
        p50: wr.latencyMs.p50,
        p99: wr.latencyMs.p99,
        rps: wr.requestsPerSecond,
      },
      kubernetes: {
        p50: kube.latencyMs.p50,
        p99: kube.latencyMs.p99,
        rps: kube.requestsPerSecond,
      },
      ratioP50: kube.latencyMs.p50 / wr.latencyMs.p50,
      ratioP99: kube.latencyMs.p99 / wr.latencyMs.p99,
    });
  }
  const statusesMatch = sameCounts(setup.storedStatuses, setup.localStatuses);
  const unownedMatch =
    setup.unowned.stored === setup.unowned.local &&
    setup.unowned.local === setup.unowned.requested &&
    sameCounts(setup.unowned.storedStatuses, setup.unowned.localStatuses);
  const whatIfConnections = (name: string) =>
    runs[name]?.connections ?? args.whatIfConnections;
  return {
    benchmark: 'api',
    node: process.version,
    cpu: `${cpus()[0]?.model.trim() ?? 'unknown CPU'} x${cpus().length}`,
    loadAverage: {
      beforeRuns: setup.loadAverageBeforeRuns,
      afterRuns: loadavg()[0],
    },
    fleetOptions: args.fleet,
    setup,
    runs,
    comparison,
    statusesMatch,
    unownedMatch,
    targets: [
      latencyTarget(
        `entity p99 (${args.entityConnections} conn)`,
        runs['entity-many'],
        TARGET_ENTITY_P99_MS,
      ),
      ...(runs['entity-many-rate']
        ? [
            latencyTarget(
              `entity p99 at ${args.entityRate}/s (extra)`,
              runs['entity-many-rate'],
              TARGET_ENTITY_P99_MS,
            ),
          ]
        : setup.skipped
        ? [
            {
              name: `entity p99 at ${args.entityRate}/s (extra)`,
              limit: `< ${TARGET_ENTITY_P99_MS} ms`,
              value: 'skipped',
              pass: false,
              note: setup.skipped,
            },
          ]
        : []),
      latencyTarget(
        `JSON report p99 (${args.reportConnections} conn)`,
        runs['report-json'],
        TARGET_REPORT_JSON_MS,
      ),
      latencyTarget(
        `CSV report p99 (${args.reportConnections} conn)`,
        runs['report-csv'],
        TARGET_REPORT_CSV_MS,
      ),
      ...(args.fleet.unownedWorkloads
        ? [
            latencyTarget(
              `workloads JSON p99 (${args.reportConnections} conn)`,
              runs['workloads-json'],
              TARGET_REPORT_JSON_MS,
            ),
            latencyTarget(
              `workloads CSV p99 (${args.reportConnections} conn)`,
              runs['workloads-csv'],
              TARGET_REPORT_CSV_MS,
            ),
          ]
        : []),
      latencyTarget(
        `what-if OS SKU p99, first (${whatIfConnections(
          'what-if-os-sku-first',
        )} conn)`,
        runs['what-if-os-sku-first'],
        TARGET_WHAT_IF_P99_MS,
      ),
      loopDelayTarget(
        '  event-loop delay p99 then',
        runs['what-if-os-sku-first'],
      ),
      latencyTarget(
        `what-if OS SKU p99, cached (${whatIfConnections(
          'what-if-os-sku-cached',
        )} conn)`,
        runs['what-if-os-sku-cached'],
        TARGET_WHAT_IF_P99_MS,
      ),
      latencyTarget(
        `what-if taint p99, first (${whatIfConnections(
          'what-if-taint-first',
        )} conn)`,
        runs['what-if-taint-first'],
        TARGET_WHAT_IF_P99_MS,
      ),
      loopDelayTarget(
        '  event-loop delay p99 then',
        runs['what-if-taint-first'],
      ),
      latencyTarget(
        `what-if taint p99, cached (${whatIfConnections(
          'what-if-taint-cached',
        )} conn)`,
        runs['what-if-taint-cached'],
        TARGET_WHAT_IF_P99_MS,
      ),
      memoryTarget(
        'backend RSS after refresh',
        setup.memory.afterRefresh,
        TARGET_RSS_AFTER_REFRESH_MB,
      ),
      memoryTarget(
        'backend RSS after the runs',
        setup.memory.afterLoad,
        TARGET_RSS_AFTER_LOAD_MB,
      ),
    ],
  };
}
