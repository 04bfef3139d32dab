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
    'WHOLE FLEET IN ONE PROCESS (the fleet JSON parsed whole, evaluateFleet)',
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
    ...perClusterLines(report),
    '',
    ...growthLines(report),
    '',
    ...report.targets.map(
      t =>
        `target      ${t.name.padEnd(30)} ${t.limit.padEnd(
          10,
        )} ${t.value.padStart(10)}   ${t.pass ? 'PASS' : 'MISS'}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function perClusterLines(report: Report): string[] {
  const p = report.perCluster;
  return [
    'PER CLUSTER, AS THE BACKEND RUNS IT (each cluster file parsed and judged alone with evaluateCluster; services merged)',
    `            ${fmt(p.clusters)} cluster files, ${(
      p.bytes /
      1024 /
      1024
    ).toFixed(1)} MB with each cluster's image records; medians of ${
      p.passes.length
    } passes after a warm-up`,
    `            parse ${ms(p.medianMs.parse)} + evaluateCluster ${ms(
      p.medianMs.evaluate,
    )} + merge ${ms(p.medianMs.merge)} = ${ms(
      p.medianMs.total,
    )}; slowest cluster ${ms(p.slowestClusterMs)}`,
    `memory      peak RSS ${mb(p.memory.maxRssMb)} (maxRSS; ${mb(
      p.memory.maxRssBeforeMb,
    )} before the first cluster: node and modules); heap after GC with every merged result ${mb(
      p.memory.heapUsedResultsMb,
    )}`,
    `statuses    ${
      p.sameAsWholeFleet
        ? 'same as the whole fleet (statuses, check results, workloads)'
        : `DIFFERENT from the whole fleet: ${STATUSES.map(
            s => `${s} ${fmt(p.counts.statuses[s] ?? 0)}`,
          ).join('   ')}`
    }`,
  ];
}

/** How cost grows: every measured size, and each figure against the first row. */
function growthLines(report: Report): string[] {
  const rows = report.growth;
  const first = rows[0];
  const times = (value: number, base: number) =>
    rows.length > 1 ? ` (${(value / base).toFixed(1)}x)` : '';
  const cell = (text: string, width: number) => text.padStart(width);
  return [
    'HOW COST GROWS (medians; peak = the measuring process maxRSS; (Nx) = against the first row)',
    `${'size'.padEnd(6)}${cell('clusters', 9)}${cell('pods', 9)}${cell(
      'JSON',
      8,
    )} | ${'whole fleet: parse'.padStart(18)}${cell('evaluateFleet', 20)}${cell(
      'peak',
      16,
    )} | ${'per cluster: parse+evaluate'.padStart(28)}${cell('peak', 16)}`,
    ...rows.map(
      row =>
        `${`${row.scale}x`.padEnd(6)}${cell(fmt(row.clusters), 9)}${cell(
          fmt(row.pods),
          9,
        )}${cell(`${row.jsonMb.toFixed(0)} MB`, 8)} | ${cell(
          ms(row.whole.parseMs),
          18,
        )}${cell(
          ms(row.whole.evaluateMs) +
            times(row.whole.evaluateMs, first.whole.evaluateMs),
          20,
        )}${cell(
          mb(row.whole.peakMb) + times(row.whole.peakMb, first.whole.peakMb),
          16,
        )} | ${cell(
          ms(row.perCluster.totalMs) +
            times(row.perCluster.totalMs, first.perCluster.totalMs),
          28,
        )}${cell(
          mb(row.perCluster.peakMb) +
            times(row.perCluster.peakMb, first.perCluster.peakMb),
          16,
        )}${row.same ? '' : '   statuses DIFFER'}`,
    ),
  ];
}
