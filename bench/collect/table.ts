/** The human-readable report of `yarn bench:collect` (without `--json`). */
import { fmt, mb, ms, secs, type Report } from './report';

const statuses = (byStatus: Record<string, number>) =>
  Object.entries(byStatus)
    .map(([status, n]) => `${status} x${fmt(n)}`)
    .join(', ');

export function printTable(report: Report) {
  const f = report.fleet;
  const c = report.collect;
  const r = report.requests;
  const fl = report.floor;
  const kinds = Object.entries(r.byKind).sort(([a], [b]) => a.localeCompare(b));
  const areas = Object.entries(fl.byArea)
    .map(
      ([area, a]) =>
        `${area}: ${fmt(a.bodies)} bodies, ${(a.bytes / 2 ** 20).toFixed(
          1,
        )} MB`,
    )
    .join('; ');
  const mismatches = report.completeness.checks.filter(x => !x.ok);
  const asked = report.fleetOptions.distinctImages;
  const lines = [
    `winready bench:collect   node ${report.node}, ${report.cpu}, seed ${report.fleetOptions.seed}`,
    '',
    `fleet       ${fmt(f.clusters)} clusters, ${fmt(f.nodes)} nodes, ${fmt(
      f.pods,
    )} pods, ${fmt(f.images)} images${
      asked !== undefined && asked !== f.images
        ? ` (asked for ${fmt(
            asked,
          )}: the shared sidecars count whether used or not, and a fleet this small does not use them all)`
        : ''
    }`,
    `            (${fmt(f.pools)} pools, ${fmt(f.services)} services, ${fmt(
      f.objects,
    )} objects; of the images ${fmt(
      f.missingImages,
    )} unknown to the registry and ${fmt(
      f.registryErrorImages,
    )} answered with an error; JSON ${f.jsonMb.toFixed(1)} MB)`,
    `generate    ${ms(report.generate.generateMs)} (+ stringify ${ms(
      report.generate.stringifyMs,
    )})`,
    `simulator   its own process (the aks-simulator bin): ready in ${secs(
      report.simulator.startupMs,
    )}, peak RSS ${
      report.simulator.peakRssMb === undefined
        ? 'unknown'
        : mb(report.simulator.peakRssMb)
    } (it parses the fleet file as YAML)`,
    ...(report.simulator.collectCpuMs === undefined
      ? []
      : [
          `            CPU while the measuring child ran: ${secs(
            report.simulator.collectCpuMs,
          )} (one thread serves every request)`,
        ]),
    '',
    `collect     createSnapshotBuilder, real clients; concurrency ${c.concurrency} clusters (registry ${c.registryConcurrency}), Kubernetes page size ${c.pageSize}`,
    `            wall ${secs(c.wallMs)}: located (ARM) at ${secs(
      c.phasesMs.locate,
    )}, clusters (Kubernetes) done at ${secs(
      c.phasesMs.clusters,
    )}, images (registry) done at ${secs(c.phasesMs.images)}`,
    `            CPU ${secs(c.cpuMs.user + c.cpuMs.system)} (user ${secs(
      c.cpuMs.user,
    )}, system ${secs(
      c.cpuMs.system,
    )}): the rest of the wall time it waited for the simulator (or for a core)`,
    `            peak RSS ${mb(
      c.memory.maxRssMb,
    )} (maxRSS; sampled rss peak ${mb(c.memory.sampledPeakRssMb)} over ${fmt(
      c.memory.samples,
    )} samples); maxRSS before build ${mb(
      c.memory.maxRssBeforeMb,
    )}; heap after GC holding the fleet ${mb(c.memory.heapUsedAfterMb)}`,
    '',
    `requests    ${'kind'.padEnd(40)}${'requests'.padStart(
      9,
    )}${'distinct'.padStart(10)}   statuses`,
    ...kinds.map(
      ([kind, k]) =>
        `            ${kind.padEnd(40)}${fmt(k.requests).padStart(9)}${fmt(
          k.distinct,
        ).padStart(10)}   ${statuses(k.byStatus)}`,
    ),
    `            ${'total'.padEnd(40)}${fmt(r.total).padStart(9)}${fmt(
      r.distinct,
    ).padStart(10)}   ${
      r.countsAgree
        ? 'the log agrees with GET /_simulator/requests'
        : `MISMATCH with GET /_simulator/requests: ${JSON.stringify(
            r.simulatorCounts,
          )}`
    }`,
    '',
    ...report.manifests.explanation.map(
      (line, i) => `${i === 0 ? 'manifests' : ''.padEnd(9)}   ${line}`,
    ),
    `            at most one manifest request per distinct image (retries aside): ${fmt(
      r.registry.distinctManifests,
    )} <= ${fmt(report.manifests.distinctImages)}   ${
      report.manifests.onePerImage ? 'OK' : 'NO'
    }`,
    `            HTTP manifest requests (retries included) <= distinct images: ${fmt(
      r.registry.manifestRequests,
    )} ${report.manifests.httpWithinImages ? '<=' : '>'} ${fmt(
      report.manifests.distinctImages,
    )}   ${
      report.manifests.httpWithinImages
        ? 'OK'
        : `NO (+${fmt(r.registry.manifestRetries)} retries)`
    }`,
    '',
    `floor       every distinct response the collector read, fetched once raw: ${fmt(
      fl.requests,
    )} bodies, ${mb(fl.bytes / 2 ** 20)} (${areas}) in ${ms(fl.fetchMs)}${
      fl.statusMismatches
        ? `; ${fmt(
            fl.statusMismatches,
          )} STATUS MISMATCHES: ${fl.sampleMismatches.join('; ')}`
        : ''
    }${fl.notJson ? `; ${fmt(fl.notJson)} bodies not JSON, left out` : ''}`,
    `                                 min        median`,
    `            JSON.parse    ${ms(fl.parse.minMs).padStart(9)}  ${ms(
      fl.parse.medianMs,
    ).padStart(12)}   (warm-up ${ms(fl.parse.warmupMs)}; ${
      fl.parse.runsMs.length
    } runs: ${fl.parse.runsMs.map(fmt).join(', ')})`,
    `            collect / parse ${c.ratioToParse.toFixed(
      1,
    )}x (collect wall time over the median JSON.parse of the same bodies)`,
    '',
    `complete    ${report.completeness.checks
      .filter(x => x.ok)
      .map(x => `${x.name} ${fmt(x.collected)}`)
      .join(', ')}${report.completeness.complete ? ': all as generated' : ''}`,
    ...mismatches.map(
      x =>
        `!!! MISMATCH ${x.name}: collected ${fmt(x.collected)}, generated ${fmt(
          x.expected,
        )}`,
    ),
    ...(c.counts.sampleErrors.length
      ? [`!!! errors: ${c.counts.sampleErrors.join(' | ')}`]
      : []),
    `            (pods whose nodeName is not a listed Node: ${fmt(
      c.counts.podsOnUnlistedNodes,
    )})`,
    '',
    ...report.targets.map(
      t =>
        `target      ${t.name.padEnd(24)} ${t.limit.padEnd(
          10,
        )} ${t.value.padStart(10)}   ${t.pass ? 'PASS' : 'MISS'}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
