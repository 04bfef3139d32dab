/** The human-readable report of `yarn bench:scale` (without `--json`). */
import type { Report, SizeReport } from './report';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const s1 = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? '–' : `${n.toFixed(1)} s`;
const ms = (n: number) => `${fmt(n)} ms`;
const mb = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? '–' : `${fmt(n)} MB`;

function sizeLines(report: Report, size: SizeReport): string[] {
  const f = size.fleet;
  const t = size.tasksMs;
  const e = size.equality;
  const shared = `${report.setup.replicas} replicas`;
  const lines = [
    `== ${size.label}: ${fmt(f.clusters)} clusters, ${fmt(
      f.pools,
    )} pools, ${fmt(f.services)} services, ${fmt(f.pods)} pods, ${fmt(
      f.objects,
    )} objects`,
    '',
    `replica   clusters   shards                      RSS idle   peak RSS (VmHWM)   CPU in cycle   task time summed   own cores (est.)`,
    ...size.replicas.map(
      r =>
        `${r.name.padEnd(10)}${fmt(r.clusters).padStart(8)}   ${(
          r.shards.join(',') || '-'
        ).padEnd(25)}${mb(r.rssBeforeMb).padStart(10)}${mb(
          r.peakRssMb,
        ).padStart(19)}${s1(r.cpuS).padStart(15)}${s1(r.taskSumS).padStart(
          19,
        )}${s1(r.ownCoresS).padStart(19)}`,
    ),
    `clusters  ${
      size.once.each
        ? `each of the ${fmt(f.clusters)} collected exactly once`
        : `NOT once: ${size.once.duplicates
            .slice(0, 20)
            .map(([c, n]) => `${c} x${n}`)
            .join(', ')}${
            size.once.missing.length
              ? `; missing ${size.once.missing.slice(0, 20).join(', ')}`
              : ''
          }`
    }`,
    `shards    ${size.shards
      .map(
        s =>
          `${s.shard}:${s.replica} ${s.clusters} (${s1(s.ms / 1000)})${
            s.failed ? ' FAILED' : ''
          }`,
      )
      .join('  ')}`,
    '',
    `cycle     ${shared}: ${s1(size.wallS.shared)} wall (start-up ${s1(
      size.startupS.shared,
    )});  1 replica: ${s1(size.wallS.single)} wall, peak RSS ${mb(
      size.singlePeakRssMb,
    )}, CPU ${s1(size.singleCpuS)}`,
    `          on cores of their own the ${shared} would take about ${s1(
      size.wallS.ownCores,
    )} (the busiest replica's estimate); here they share 2 cores with the simulator and PostgreSQL`,
    `tasks     per cluster (start stored with it -> its "collected" log line): ${shared} p50 ${ms(
      t.shared.p50,
    )}, p90 ${ms(t.shared.p90)}, max ${ms(t.shared.max)}${
      t.single
        ? `;  1 replica p50 ${ms(t.single.p50)}, p90 ${ms(
            t.single.p90,
          )}, max ${ms(t.single.max)}`
        : ''
    }`,
    e
      ? `report    ${e.same ? 'same' : 'DIFFERENT'}: GET /v1/report (${fmt(
          e.services.stored,
        )} services) against evaluateFleet (${fmt(
          e.services.evaluated,
        )}) as of ${e.asOf}; ${Object.entries(e.byStatus.stored)
          .sort()
          .map(([status, n]) => `${status} ${fmt(n)}`)
          .join(', ')}${
          e.same
            ? ''
            : `\n          ${e.differing} differ: ${e.differences
                .map(
                  d => `${d.service} ${d.stored ?? '-'}/${d.evaluated ?? '-'}`,
                )
                .join(', ')} (stored/evaluated)`
        }`
      : 'report    not compared',
    '',
    ...size.targets.map(
      target =>
        `target    ${target.name.padEnd(30)}${target.limit.padEnd(
          12,
        )}${target.value.padStart(18)}   ${target.pass ? 'PASS' : 'MISS'}`,
    ),
  ];
  return lines;
}

/** How cost grows: every size on one line, and each figure against the first. */
function growthLines(report: Report): string[] {
  const first = report.sizes[0];
  const x = (value: number | undefined, base: number | undefined) =>
    value !== undefined && base ? ` (${(value / base).toFixed(1)}x)` : '';
  const maxPeak = (size: SizeReport) =>
    Math.max(...size.replicas.map(r => r.peakRssMb));
  return [
    'HOW COST GROWS ((Nx) = against the first row)',
    `size     clusters      pods | ${report.setup.replicas} replicas wall    own cores (est.)     peak RSS max |  1 replica wall        peak RSS | once   report`,
    ...report.sizes.map(
      size =>
        `${size.label.padEnd(7)}${fmt(size.fleet.clusters).padStart(10)}${fmt(
          size.fleet.pods,
        ).padStart(10)} | ${(
          s1(size.wallS.shared) + x(size.wallS.shared, first.wallS.shared)
        ).padStart(18)}${(
          s1(size.wallS.ownCores) + x(size.wallS.ownCores, first.wallS.ownCores)
        ).padStart(20)}${(
          mb(maxPeak(size)) + x(maxPeak(size), maxPeak(first))
        ).padStart(17)} | ${(
          s1(size.wallS.single) + x(size.wallS.single, first.wallS.single)
        ).padStart(15)}${(
          mb(size.singlePeakRssMb) +
          x(size.singlePeakRssMb, first.singlePeakRssMb)
        ).padStart(16)} | ${(size.once.each ? 'yes' : 'NO').padEnd(7)}${
          size.equality?.same ? 'same' : 'DIFFERENT'
        }`,
    ),
  ];
}

export function printTable(report: Report) {
  const setup = report.setup;
  const lines = [
    `winready bench:scale   node ${report.node}, ${
      report.cpu
    } (shared with other work: load ${report.loadAverage
      .map(n => n.toFixed(1))
      .join(' ')})`,
    `setup     ${setup.replicas} backend replicas on one PostgreSQL (started ${setup.start}), ${setup.shards} shards, shardsPerInstance ${setup.shardsPerInstance}, concurrency ${setup.concurrency}, replica heap limit ${setup.replicaHeapMb} MB`,
    ...(setup.replicaRequire
      ? [`          every replica loaded ${setup.replicaRequire} first`]
      : []),
    '',
    ...report.sizes.flatMap(size => [...sizeLines(report, size), '']),
    ...(report.sizes.length > 1 ? growthLines(report) : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
