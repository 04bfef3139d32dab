/**
 * `yarn bench:check [--json] [--manifests N] [--per-file N] [--runs N]
 *   [--cluster NAME] [--seed S] [--clusters N] [--pools-per-cluster N]
 *   [--services N] [--pods-per-service N]`
 *
 * Generates the benchmark fleet (100 clusters by default), writes 1,000 of its
 * Deployments as rendered manifests (ten a file, `---` and `# Source:` as
 * `helm template` writes them) and measures `winready check` on them once the
 * pools are loaded: reading and parsing the files, judging every workload
 * against one cluster, writing SARIF; 1 warm-up and N measured runs. It also
 * judges the same manifests against each of the fleet's clusters in turn, and
 * times loading the fleet file and the whole command in process. Target: the
 * check of 1,000 manifests under 2 s. A benchmark, not a test: exits 0
 * whatever the figures.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  parseFleet,
  parseManifests,
} from '@winready/plugin-windows-readiness-common';
import { readManifestFiles } from '@winready/plugin-windows-readiness-node';
import { main as winready } from '../packages/cli/src';
import { pickDeployments, writeManifests } from './check/manifests';
import { checkOnce, judgeEveryCluster, type CheckRun } from './check/measure';
import { progress } from './evaluate/progress';
import { BENCH_FLEET_OPTIONS, generateFleet } from './fleet';
import { readFleetSizeFlag, wholeNumber } from './fleet/sizeFlags';
import { runMain } from './shared/runMain';
import { median } from './shared/stats';

const TARGET_MS = 2000;
const AS_OF = new Date('2026-01-15T00:00:00Z');

function parseArgs(argv: string[]) {
  const args = {
    json: false,
    manifests: 1000,
    perFile: 10,
    runs: 5,
    cluster: undefined as string | undefined,
    fleet: { ...BENCH_FLEET_OPTIONS },
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    if (readFleetSizeFlag(args.fleet, flag, value, 1)) continue;
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--manifests':
        args.manifests = wholeNumber(flag, value(), 1);
        break;
      case '--per-file':
        args.perFile = wholeNumber(flag, value(), 1);
        break;
      case '--runs':
        args.runs = wholeNumber(flag, value(), 1);
        break;
      case '--cluster':
        args.cluster = value();
        break;
      case '--seed':
        args.fleet.seed = value();
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  return args;
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  progress(`generating ${JSON.stringify(args.fleet)}`);
  const fleet = generateFleet(args.fleet);
  const cluster = args.cluster
    ? fleet.clusters.find(c => c.name === args.cluster)
    : fleet.clusters[0];
  if (!cluster) throw new Error(`no cluster ${args.cluster} in the fleet`);

  const dir = mkdtempSync(join(tmpdir(), 'winready-bench-check-'));
  try {
    const manifestDir = join(dir, 'manifests');
    const deployments = pickDeployments(fleet, args.manifests);
    const files = writeManifests(manifestDir, deployments, args.perFile);
    const fleetFile = join(dir, 'fleet.json');
    writeFileSync(fleetFile, JSON.stringify(fleet));
    progress(
      `${deployments.length} manifests in ${files} files; checking against ${cluster.name}`,
    );

    const runs: CheckRun[] = [];
    for (let run = 0; run <= args.runs; run++) {
      const measured = await checkOnce(manifestDir, fleet, cluster, AS_OF);
      progress(
        `check ${run === 0 ? 'warm-up' : `run ${run}`}: ${ms(
          measured.totalMs,
        )}`,
      );
      if (run > 0) runs.push(measured);
    }
    const last = runs[runs.length - 1].result;

    const documents = parseManifests(await readManifestFiles([manifestDir]));
    const perCluster = judgeEveryCluster(documents, fleet, AS_OF);

    let start = performance.now();
    parseFleet(readFileSync(fleetFile, 'utf8'), fleetFile);
    const loadFleetMs = performance.now() - start;

    start = performance.now();
    let output = 0;
    const code = await winready(
      [
        'check',
        manifestDir,
        '--fleet',
        fleetFile,
        '--cluster',
        cluster.name,
        '--format',
        'sarif',
        '--at',
        '2026-01-15',
      ],
      {
        stdout: text => {
          output += text.length;
        },
        stderr: () => {},
      },
    );
    const commandMs = performance.now() - start;

    const check = median(runs.map(r => r.totalMs));
    const report = {
      benchmark: 'check',
      node: process.version,
      cpu: `${cpus()[0]?.model.trim() ?? 'unknown CPU'} x${cpus().length}`,
      fleetOptions: args.fleet,
      manifests: {
        documents: deployments.length,
        files,
        cluster: cluster.name,
      },
      verdicts: last.summary.byStatus,
      check: {
        medianMs: check,
        minMs: Math.min(...runs.map(r => r.totalMs)),
        readMs: median(runs.map(r => r.readMs)),
        parseMs: median(runs.map(r => r.parseMs)),
        judgeMs: median(runs.map(r => r.judgeMs)),
        sarifMs: median(runs.map(r => r.sarifMs)),
      },
      everyCluster: {
        clusters: perCluster.length,
        medianMs: median(perCluster),
        maxMs: Math.max(...perCluster),
        totalMs: perCluster.reduce((sum, n) => sum + n, 0),
      },
      loadFleetMs,
      command: { ms: commandMs, exitCode: code, sarifBytes: output },
      target: { limit: `< ${ms(TARGET_MS)}`, pass: check < TARGET_MS },
    };
    if (args.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const c = report.check;
    process.stdout.write(
      [
        `winready bench:check   node ${report.node}, ${report.cpu}, seed ${args.fleet.seed}`,
        '',
        `manifests   ${deployments.length} Deployments in ${files} files, from ${fleet.clusters.length} clusters; against ${cluster.name}`,
        `verdicts    ${Object.entries(report.verdicts)
          .map(([s, n]) => `${n} ${s}`)
          .join(', ')}`,
        `check       ${ms(c.medianMs)} median (${ms(c.minMs)} min) over ${
          args.runs
        } runs: read ${ms(c.readMs)}, parse ${ms(c.parseMs)}, judge ${ms(
          c.judgeMs,
        )}, SARIF ${ms(c.sarifMs)}`,
        `per cluster the same manifests against each of the ${
          report.everyCluster.clusters
        } clusters: ${ms(report.everyCluster.medianMs)} median, ${ms(
          report.everyCluster.maxMs,
        )} max to judge`,
        `fleet file  loading the ${
          fleet.clusters.length
        }-cluster fleet (JSON) takes ${ms(
          loadFleetMs,
        )}; the whole command in process ${ms(commandMs)} (exit ${code})`,
        '',
        `target      check of ${deployments.length} manifests ${
          report.target.limit
        }: ${report.target.pass ? 'PASS' : 'MISS'}`,
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
