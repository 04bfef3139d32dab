/**
 * The per-cluster path, as the backend's pipeline runs it: each cluster is
 * read, parsed and judged on its own with `evaluateCluster` against the image
 * records that cluster names, and only its workload results are kept; a
 * service's result is merged from them at the end (`ServiceResultsByCluster`,
 * as `evaluateFleet` merges).
 * The measuring process never holds more than one cluster's objects.
 *
 * The parent writes the fleet as one file per cluster (`writeClusterFiles`);
 * the fresh child measures (`measurePerCluster`).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createCheckContext,
  evaluateCluster,
  extractWorkloads,
  ImageCatalog,
  ServiceResultsByCluster,
  type Cluster,
  type ClusterResult,
  type Fleet,
  type ImageRecord,
} from '@winready/plugin-windows-readiness-common';
import { median } from '../shared/stats';
import { countResults, type ResultCounts } from './counts';
import { MB } from './measure';
import { progress } from './progress';

/** One cluster's file: the cluster and the image records its workloads name. */
interface ClusterFile {
  cluster: Cluster;
  images: Record<string, ImageRecord>;
}

const imagesOf = (cluster: Cluster) => [
  ...new Set(extractWorkloads(cluster).flatMap(workload => workload.images)),
];

/** Writes `cluster-00000.json`… into `dir`; returns the bytes written. */
export function writeClusterFiles(fleet: Fleet, dir: string): number {
  // Looked up as the evaluation does (exact, then canonical reference).
  const catalog = new ImageCatalog(fleet.images ?? {});
  let bytes = 0;
  fleet.clusters.forEach((cluster, i) => {
    const images: Record<string, ImageRecord> = {};
    for (const reference of imagesOf(cluster)) {
      const record = catalog.get(reference);
      if (record) images[reference] = record;
    }
    const text = JSON.stringify({ cluster, images } satisfies ClusterFile);
    bytes += Buffer.byteLength(text);
    writeFileSync(
      join(dir, `cluster-${String(i).padStart(5, '0')}.json`),
      text,
    );
  });
  return bytes;
}

export interface PerClusterMeasurement {
  clusters: number;
  bytes: number;
  /** Whole passes over every cluster (the warm-up left out). */
  passes: Array<{ parseMs: number; evaluateMs: number; mergeMs: number }>;
  medianMs: { parse: number; evaluate: number; merge: number; total: number };
  /** The slowest single cluster's parse + evaluation, in the last pass. */
  slowestClusterMs: number;
  memory: {
    /** process.resourceUsage().maxRSS: the process's high-water mark. */
    maxRssMb: number;
    /** Before the first cluster was read: node, the transform and the rules' modules. */
    maxRssBeforeMb: number;
    /** heapUsed after GC holding every service's merged result. */
    heapUsedResultsMb: number;
  };
  counts: ResultCounts;
}

/** One pass over the cluster files: parse and judge each alone, then merge per service. */
function pass(files: string[], asOf: Date) {
  const context = createCheckContext({ asOf });
  const byService = new ServiceResultsByCluster();
  const clusters: ClusterResult[] = [];
  let parseMs = 0;
  let evaluateMs = 0;
  let slowest = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let start = performance.now();
    const { cluster, images } = JSON.parse(text) as ClusterFile;
    const parsed = performance.now() - start;
    start = performance.now();
    const evaluation = evaluateCluster(
      cluster,
      new ImageCatalog(images),
      context,
      workload => (workload.serviceId ? [workload.serviceId] : []),
    );
    clusters.push(evaluation.cluster);
    byService.add(evaluation);
    const evaluated = performance.now() - start;
    parseMs += parsed;
    evaluateMs += evaluated;
    slowest = Math.max(slowest, parsed + evaluated);
  }
  const start = performance.now();
  const services = byService.merged();
  const mergeMs = performance.now() - start;
  return {
    result: { asOf: asOf.toISOString(), services, clusters },
    parseMs,
    evaluateMs,
    mergeMs,
    slowest,
  };
}

export function measurePerCluster(
  dir: string,
  runs: number,
  asOf: Date,
): PerClusterMeasurement {
  const maxRssBefore = process.resourceUsage().maxRSS / 1024;
  const files = readdirSync(dir)
    .filter(name => /^cluster-\d+\.json$/.test(name))
    .sort()
    .map(name => join(dir, name));
  const bytes = files.reduce((n, file) => n + statSync(file).size, 0);
  const passes: PerClusterMeasurement['passes'] = [];
  let last: ReturnType<typeof pass> | undefined;
  for (let run = 0; run <= runs; run++) {
    last = undefined;
    globalThis.gc?.();
    last = pass(files, asOf);
    const { parseMs, evaluateMs, mergeMs } = last;
    progress(
      `per cluster ${
        run === 0 ? 'warm-up' : `run ${run}/${runs}`
      }: parse ${Math.round(parseMs)} ms, evaluate ${Math.round(
        evaluateMs,
      )} ms, merge ${Math.round(mergeMs)} ms`,
    );
    if (run > 0) passes.push({ parseMs, evaluateMs, mergeMs });
  }
  globalThis.gc?.();
  const heapUsedResults = process.memoryUsage().heapUsed;
  const of = (key: 'parseMs' | 'evaluateMs' | 'mergeMs') =>
    median(passes.map(p => p[key]));
  return {
    clusters: files.length,
    bytes,
    passes,
    medianMs: {
      parse: of('parseMs'),
      evaluate: of('evaluateMs'),
      merge: of('mergeMs'),
      total: median(passes.map(p => p.parseMs + p.evaluateMs + p.mergeMs)),
    },
    slowestClusterMs: last!.slowest,
    memory: {
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      maxRssBeforeMb: maxRssBefore,
      heapUsedResultsMb: heapUsedResults / MB,
    },
    counts: countResults(last!.result),
  };
}
