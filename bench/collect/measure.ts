/**
 * The measuring side (the child process, or `--measure CONFIG` by hand):
 * reads the app-config fragment the simulator wrote, builds the real sources
 * with createSnapshotBuilder (the Azure SDK for ARM, @kubernetes/client-node,
 * the OCI registry client) and collects every cluster once, sampling RSS as
 * it goes. Then it counts what the collected fleet holds.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type { Fleet } from '@winready/plugin-windows-readiness-common';
import {
  createSnapshotBuilder,
  readSourcesConfig,
  type RegistryClientStats,
  type SnapshotProgress,
} from '@winready/plugin-windows-readiness-node';
import { parse } from 'yaml';
import { progress } from '../evaluate/progress';

const MB = 1024 * 1024;

export interface CollectedCounts {
  clusters: number;
  nodePools: number;
  nodes: number;
  pods: number;
  objects: number;
  objectsByKind: Record<string, number>;
  imageRecords: number;
  /** Image records whose registry answer was an error (unknown or refused images). */
  imageErrors: number;
  /** Errors of the clusters and of the fleet (locators). */
  sourceErrors: number;
  /** The first few error messages, to show what went wrong. */
  sampleErrors: string[];
  /** Pods whose `spec.nodeName` is not a Node the API listed. */
  podsOnUnlistedNodes: number;
}

export interface CollectMeasurement {
  concurrency: number;
  pageSize: number;
  registryConcurrency: number;
  wallMs: number;
  /** CPU time of this process during build() (all threads): whether it waited or worked. */
  cpuMs: { user: number; system: number };
  /** When each phase ended, from the start of build(). */
  phasesMs: { locate: number; clusters: number; images: number };
  memory: {
    /** process.resourceUsage().maxRSS: the high-water mark of the process. */
    maxRssMb: number;
    /** maxRSS before build() (node, the sources' modules). */
    maxRssBeforeMb: number;
    /** Highest rss sampled every 50 ms during build(). */
    sampledPeakRssMb: number;
    samples: number;
    /** heapUsed with the collected fleet alive, after GC. */
    heapUsedAfterMb: number;
  };
  /** The registry client's own counters (one per manifest or config it needed). */
  registryClient?: RegistryClientStats;
  counts: CollectedCounts;
}

function countFleet(fleet: Fleet): CollectedCounts {
  const counts: CollectedCounts = {
    clusters: fleet.clusters.length,
    nodePools: 0,
    nodes: 0,
    pods: 0,
    objects: 0,
    objectsByKind: {},
    imageRecords: 0,
    imageErrors: 0,
    sourceErrors: fleet.errors?.length ?? 0,
    sampleErrors: (fleet.errors ?? []).map(e => e.message),
    podsOnUnlistedNodes: 0,
  };
  for (const cluster of fleet.clusters) {
    counts.nodePools += cluster.nodePools.length;
    counts.sourceErrors += cluster.errors?.length ?? 0;
    for (const error of cluster.errors ?? []) {
      counts.sampleErrors.push(`${cluster.name}: ${error.message}`);
    }
    const nodeNames = new Set<string>();
    for (const object of cluster.objects ?? []) {
      counts.objects++;
      const kind = object.kind ?? '(none)';
      counts.objectsByKind[kind] = (counts.objectsByKind[kind] ?? 0) + 1;
      if (kind === 'Node') {
        counts.nodes++;
        nodeNames.add(object.metadata?.name ?? '');
      } else if (kind === 'Pod') counts.pods++;
    }
    for (const object of cluster.objects ?? []) {
      const node = object.kind === 'Pod' ? object.spec?.nodeName : undefined;
      if (node && !nodeNames.has(node)) counts.podsOnUnlistedNodes++;
    }
  }
  const records = Object.values(fleet.images ?? {});
  counts.imageRecords = records.length;
  counts.imageErrors = records.filter(r => r.error !== undefined).length;
  counts.sampleErrors = counts.sampleErrors.slice(0, 5);
  return counts;
}

/** Prints a phase's progress about once a second, and when it ends. */
function progressPrinter(start: number) {
  let last = 0;
  return (p: SnapshotProgress) => {
    const now = performance.now();
    if (p.done !== p.total && now - last < 1000) return;
    last = now;
    progress(
      `collect ${((now - start) / 1000).toFixed(1)} s: ${p.phase} ${p.done}/${
        p.total
      } (rss ${(process.memoryUsage.rss() / MB).toFixed(0)} MB)`,
    );
  };
}

export async function measureCollect(
  configFile: string,
  overrides: { concurrency?: number; pageSize: number },
): Promise<CollectMeasurement> {
  const raw = parse(readFileSync(configFile, 'utf8')) as JsonObject & {
    windowsReadiness: JsonObject;
  };
  const root = raw.windowsReadiness;
  if (overrides.concurrency !== undefined) {
    root.concurrency = overrides.concurrency;
  }
  root.kubernetes = {
    ...((root.kubernetes as JsonObject | undefined) ?? {}),
    pageSize: overrides.pageSize,
  };
  const config = readSourcesConfig(new ConfigReader(raw, configFile));
  const builder = createSnapshotBuilder({ config });

  globalThis.gc?.();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let peakRss = 0;
  let samples = 0;
  // memoryUsage.rss() only reads the RSS; memoryUsage() also walks the heap
  // spaces, which at every 50 ms cost ~3% of the collect's CPU.
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    samples++;
  };
  sample();
  const sampler = setInterval(sample, 50);
  const phasesMs = { locate: 0, clusters: 0, images: 0 };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const print = progressPrinter(start);
  let fleet: Fleet;
  try {
    fleet = await builder.build({
      onProgress: p => {
        sample();
        if (p.done === p.total) phasesMs[p.phase] = performance.now() - start;
        print(p);
      },
    });
  } finally {
    clearInterval(sampler);
  }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  sample();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  globalThis.gc?.();
  const heapUsedAfter = process.memoryUsage().heapUsed;

  // The builder does not expose its registry client; its counters tell how
  // many manifests the client itself needed, retries aside.
  const images = (
    builder as unknown as {
      options?: {
        images?: { stats?(): RegistryClientStats; close?(): Promise<void> };
      };
    }
  ).options?.images;
  const registryClient = images?.stats?.();
  await images?.close?.();

  return {
    concurrency: config.concurrency,
    pageSize: config.kubernetes.pageSize,
    registryConcurrency: config.registries.concurrency ?? 8,
    wallMs,
    cpuMs: { user: cpu.user / 1000, system: cpu.system / 1000 },
    phasesMs,
    memory: {
      maxRssMb: maxRss / MB,
      maxRssBeforeMb: maxRssBefore / MB,
      sampledPeakRssMb: peakRss / MB,
      samples,
      heapUsedAfterMb: heapUsedAfter / MB,
    },
    registryClient,
    counts: countFleet(fleet),
  };
}
