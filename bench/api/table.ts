/** The human-readable report of `yarn bench:api` (without `--json`). */
import { STATUSES } from './expected';
import type { LoadResult } from './load';
import type { BackendMemory } from './probe';
import { fmt, ms, type Report } from './report';

const LABELS: Record<string, (report: Report) => string> = {
  'entity-many': r => `entity, ${fmt(r.setup.services)} entities rotating`,
  'entity-many-rate': r =>
    `  same, steady ${fmt(r.runs['entity-many-rate']?.rate ?? NaN)} req/s`,
  'report-json': () => 'report JSON (all services)',
  'report-csv': () => 'report CSV (all services)',
  'workloads-json': r =>
    `workloads JSON (${fmt(r.setup.unowned.stored)} unowned)`,
  'workloads-csv': r =>
    `workloads CSV (${fmt(r.setup.unowned.stored)} unowned)`,
  'what-if-os-sku-first': r =>
    `what-if OS SKU, ${fmt(r.setup.whatIf.osSkuRequests)} distinct once`,
  'what-if-os-sku-cached': () => '  same, asked again (cached)',
  'what-if-taint-first': r =>
    `what-if taint, ${fmt(r.setup.whatIf.taintRequests)} distinct once`,
  'what-if-taint-cached': () => '  same, asked again (cached)',
};

function label(report: Report, name: string): string {
  const fixed = LABELS[name];
  if (fixed) return fixed(report);
  if (name.startsWith('entity-same')) return 'entity, one entity';
  if (name.startsWith('kubernetes-same')) return 'Kubernetes workloads query';
  return name;
}

function row(report: Report, run: LoadResult): string {
  const cpu = `${run.cpuSeconds.backend.toFixed(
    1,
  )}/${run.cpuSeconds.simulator.toFixed(1)}`;
  return [
    label(report, run.name).padEnd(34),
    String(run.connections).padStart(4),
    `${run.durationS.toFixed(1)}s`.padStart(5),
    fmt(run.ok).padStart(8),
    fmt(run.non2xx + run.errors).padStart(6),
    fmt(run.inFlightAtStop).padStart(6),
    `${fmt(run.drainS)}s`.padStart(6),
    fmt(run.requestsPerSecond).padStart(7),
    ms(run.latencyMs.p50).padStart(10),
    ms(run.latencyMs.p90).padStart(10),
    ms(run.latencyMs.p99).padStart(10),
    ms(run.latencyMs.max).padStart(10),
    cpu.padStart(11),
    ms(run.eventLoopDelay?.p99Ms ?? NaN).padStart(10),
    ms(run.eventLoopDelay?.maxMs ?? NaN).padStart(10),
  ].join(' ');
}

const memory = (m: BackendMemory | undefined) =>
  m
    ? `${fmt(m.rssMb)} MB (heap ${fmt(m.heapUsedMb)} MB, outside the heap ${fmt(
        m.externalMb,
      )} MB)`
    : 'n/a';

const counts = (c: Record<string, number>) =>
  STATUSES.map(s => `${s} ${fmt(c[s] ?? 0)}`).join('  ');

export function printTable(report: Report) {
  const s = report.setup;
  const f = s.stats;
  const k = s.kubernetes;
  const lines = [
    `winready bench:api   node ${report.node}, ${report.cpu}, seed ${
      report.fleetOptions.seed
    }, ${
      s.database === 'sqlite' ? 'SQLite in memory' : 'PostgreSQL 127.0.0.1'
    }, catalog ${s.catalog}`,
    `machine     1-minute load average ${report.loadAverage.beforeRuns.toFixed(
      1,
    )} before the runs, ${report.loadAverage.afterRuns.toFixed(
      1,
    )} after (other work shares the cores)`,
    ...(s.backendRequire
      ? [
          `NOTE        the backend loaded ${s.backendRequire} first (--backend-require)`,
        ]
      : []),
    '',
    `fleet       ${fmt(f.clusters)} clusters, ${fmt(f.pools)} pools, ${fmt(
      f.services,
    )} services, ${fmt(
      f.pods,
    )} pods, served by the AKS simulator (child process)`,
    `backend     up in ${s.backendStartS.toFixed(1)} s; catalog held ${fmt(
      s.services,
    )} Components after ${fmt(s.catalogS)} s; first refresh ${fmt(
      s.refreshS,
    )} s (${s.refresh.clusters} clusters, ${fmt(
      s.refresh.services,
    )} services, ${s.refresh.errors} source errors)`,
    `store       ${fmt(s.storedServices)} services in the report, as of ${
      s.asOf
    }`,
    `            stored   ${counts(s.storedStatuses)}`,
    `            local    ${counts(s.localStatuses)}   (evaluateFleet here: ${
      report.statusesMatch ? 'same' : 'DIFFERENT'
    })`,
    `unowned     ${fmt(
      s.unowned.requested,
    )} workloads no entity maps to generated; ${fmt(
      s.unowned.stored,
    )} served by GET /v1/workloads`,
    `            stored   ${counts(s.unowned.storedStatuses)}`,
    `            local    ${counts(
      s.unowned.localStatuses,
    )}   (evaluateCluster here: ${report.unownedMatch ? 'same' : 'DIFFERENT'})`,
    `memory      backend RSS ${memory(s.memory.atStart)} once up`,
    `            ${memory(
      s.memory.catalogReady,
    )} with the catalog's entities, before any refresh`,
    `            ${memory(s.memory.afterRefresh)} after the refresh (${fmt(
      s.memory.afterRefresh.rssMb - s.memory.catalogReady.rssMb,
    )} MB more)`,
    `            ${memory(s.memory.afterLoad)} after every run; peak RSS ${fmt(
      s.memory.afterLoad?.peakRssMb ?? s.memory.afterRefresh.peakRssMb,
    )} MB`,
    `what-if     over ${fmt(
      s.whatIf.windowsPools,
    )} Windows pools, one pool each, spread over the clusters: ${
      s.whatIf.examples.osSku ?? '-'
    }, ${s.whatIf.examples.taint ?? '-'}`,
    '',
    `${'run'.padEnd(
      34,
    )} conn   dur       ok   fail  open  drain   req/s        p50        p90        p99        max  CPU s b/sim  loop p99   loop max`,
    ...Object.values(report.runs).map(run => row(report, run)),
    ...Object.values(report.runs)
      .filter(run => run.non2xx + run.errors > 0)
      .map(
        run =>
          `            ${run.name} failures: ${Object.entries({
            ...Object.fromEntries(
              Object.entries(run.statusCodes).map(([code, n]) => [
                `HTTP ${code}`,
                n,
              ]),
            ),
            ...run.errorKinds,
          })
            .map(([kind, n]) => `${kind} x${n}`)
            .join(', ')}`,
      ),
    `            (fail = non-2xx + errors; open = unanswered when the run stopped; drain = wait for the backend to finish them;
             CPU s = backend/simulator CPU seconds during the run;
             loop = the backend's event-loop delay during the run, monitorEventLoopDelay beyond its 10 ms interval)`,
    '',
    `kubernetes  one workloads query for ${
      s.comparedEntity
    } (in ${s.comparedClusters.join(', ')}): ${fmt(
      k.apiCallsPerQuery,
    )} Kubernetes API calls, answer lists ${k.clustersInAnswer} clusters (${
      k.clustersWithObjects
    } with objects, ${fmt(k.errorsInAnswer)} errors), ${fmt(
      k.bytes / 1024,
    )} KB; windows-readiness answer ${fmt(s.entityBytes / 1024)} KB`,
    `            Kubernetes backend fetches ${k.kinds}; first query ${ms(
      k.firstQueryMs,
    )}`,
    ...report.comparison.map(
      c =>
        `ratio       ${String(c.connections).padStart(
          2,
        )} conn: Kubernetes backend p50 ${ms(c.kubernetes.p50)}, p99 ${ms(
          c.kubernetes.p99,
        )}  vs  windows-readiness p50 ${ms(c.windowsReadiness.p50)}, p99 ${ms(
          c.windowsReadiness.p99,
        )}  =  ${c.ratioP50.toFixed(1)}x (p50), ${c.ratioP99.toFixed(
          1,
        )}x (p99)`,
    ),
    '',
    ...report.targets.map(
      t =>
        `target      ${t.name.padEnd(36)} ${t.limit.padEnd(
          10,
        )} ${t.value.padStart(10)}   ${t.pass ? 'PASS' : 'MISS'}${
          t.note ? `   (${t.note})` : ''
        }`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
