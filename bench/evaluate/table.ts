/** The human-readable report of `yarn bench:evaluate` (without `--json`). */
import { RESULTS, STATUSES } from './counts';
import { fmt, mb, ms, type Report } from './report';

/** A row of the checks table: the check, then its count for each result. */
function checkRow(id: string, results: Record<string, number>): string {
  return `            ${id.padEnd(18)}${RESULTS.map(r =>
    fmt(results[r] ?? 0).padStart(8),
  ).join('')}`;
}

export function printTable(report: Report) {
  const f = report.fleet;
  const c = report.counts;
  const skus = Object.entries(f.windowsPoolsBySku)
    .map(([sku, n]) => `${sku} ${n}`)
    .join(', ');
  const lines = [
    `winready bench:evaluate   node ${report.node}, ${report.cpu}, as of ${report.asOf}, seed ${report.fleetOptions.seed}`,
    '',
    `fleet       ${fmt(f.clusters)} clusters, ${fmt(f.pools)} pools (${fmt(
      f.windowsPools,
    )} Windows: ${skus})`,
    `            ${fmt(f.services)} services, ${fmt(
      f.deployments,
    )} Deployments, ${fmt(f.replicaSets)} ReplicaSets, ${fmt(
      f.pods,
    )} pods (${fmt(f.pendingPods)} Pending), ${fmt(f.events)} events`,
    `            ${fmt(f.images)} images in the registry map, ${fmt(
      f.missingImages,
    )} referenced images missing; JSON ${f.jsonMb.toFixed(1)} MB`,
    `generate    ${ms(report.generate.generateMs)} (+ stringify ${ms(
      report.generate.stringifyMs,
    )}; generator peak RSS ${mb(report.generate.maxRssMb)})`,
    '',
    `                        min        median`,
    `JSON.parse (floor)  ${ms(report.parse.minMs).padStart(9)}  ${ms(
      report.parse.medianMs,
    ).padStart(12)}`,
    `evaluateFleet       ${ms(report.evaluate.minMs).padStart(9)}  ${ms(
      report.evaluate.medianMs,
    ).padStart(12)}   (warm-up ${ms(report.evaluate.warmupMs)}; ${
      report.evaluate.runsMs.length
    } runs: ${report.evaluate.runsMs.map(fmt).join(', ')})`,
    `evaluate / parse    ${report.evaluate.ratioToParse.toFixed(2)}x (medians)`,
    '',
    `memory      peak RSS ${mb(
      report.memory.maxRssMb,
    )} (resourceUsage maxRSS; sampled rss peak ${mb(
      report.memory.sampledPeakRssMb,
    )})`,
    `            after loading (JSON text + fleet) maxRSS ${mb(
      report.memory.maxRssLoadMb,
    )}; fleet alone rss ${mb(report.memory.rssFleetMb)}, heap ${mb(
      report.memory.heapUsedFleetMb,
    )}`,
    `            right after evaluateFleet rss ${mb(
      report.memory.rssEvaluateMb,
    )}, heap ${mb(
      report.memory.heapUsedEvaluatePeakMb,
    )} (before GC); heap after GC (fleet + result) ${mb(
      report.memory.heapUsedAfterEvaluationMb,
    )}`,
    '',
    `statuses    ${STATUSES.map(s => `${s} ${fmt(c.statuses[s] ?? 0)}`).join(
      '   ',
    )}   (${fmt(c.services)} services, ${fmt(c.workloads)} workloads)`,
    `checks      ${'check'.padEnd(18)}${RESULTS.map(r => r.padStart(8)).join(
      '',
    )}`,
    ...Object.entries(c.checks).map(([id, results]) => checkRow(id, results)),
    `${checkRow('windows-pool-taint', c.clusterChecks)}   (clusters)`,
    '',
    ...report.targets.map(
      t =>
        `target      ${t.name.padEnd(28)} ${t.limit.padEnd(
          10,
        )} ${t.value.padStart(10)}   ${t.pass ? 'PASS' : 'MISS'}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
