/**
 * The report of a `yarn bench:collect` run: the fleet, the simulator, the
 * child's collect measurement, the requests it made, the floor, whether the
 * collected fleet is complete, and the targets judged PASS or MISS. `--json`
 * prints it as it is; otherwise ./table.ts lays it out.
 */
import { cpus } from 'node:os';
import type { FleetStats, GenerateFleetOptions } from '../fleet';
import type { Args } from './args';
import type { FloorMeasurement } from './floor';
import type { CollectMeasurement } from './measure';
import type { RequestSummary } from './requests';

const TARGET_COLLECT_MS = 30_000;
const TARGET_PEAK_MB = 600;

/** What the generated fleet holds, to check the collected one against. */
export interface Expected {
  stats: FleetStats;
  /** Referenced images the registry answers with an error (the fleet's `error` records). */
  registryErrorImages: number;
  jsonBytes: number;
}

export interface CompletenessCheck {
  name: string;
  expected: number;
  collected: number;
  ok: boolean;
}

export interface Report {
  benchmark: 'collect';
  node: string;
  cpu: string;
  fleetOptions: GenerateFleetOptions;
  fleet: {
    clusters: number;
    pools: number;
    nodes: number;
    services: number;
    pods: number;
    objects: number;
    /** Distinct images the services name (what the collector asks the registry about). */
    images: number;
    /** Of those, unknown to the registry (404) and answered with an error (500). */
    missingImages: number;
    registryErrorImages: number;
    jsonMb: number;
  };
  generate: { generateMs: number; stringifyMs: number };
  simulator: {
    startupMs: number;
    peakRssMb?: number;
    /** CPU the simulator used while the measuring child ran (its start-up and exit included). */
    collectCpuMs?: number;
  };
  collect: CollectMeasurement & { ratioToParse: number };
  requests: RequestSummary;
  floor: FloorMeasurement;
  completeness: { complete: boolean; checks: CompletenessCheck[] };
  manifests: {
    distinctImages: number;
    /** Distinct manifest requests (retries aside) <= distinct images. */
    onePerImage: boolean;
    /** HTTP manifest requests, retries included, <= distinct images. */
    httpWithinImages: boolean;
    explanation: string[];
  };
  targets: Array<{ name: string; limit: string; value: string; pass: boolean }>;
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
export const ms = (n: number) => `${fmt(n)} ms`;
export const secs = (n: number) => `${(n / 1000).toFixed(1)} s`;
export const mb = (n: number) => `${n.toFixed(0)} MB`;

function completeness(
  expected: Expected,
  collect: CollectMeasurement,
): Report['completeness'] {
  const s = expected.stats;
  const c = collect.counts;
  const kind = (k: string) => c.objectsByKind[k] ?? 0;
  const check = (name: string, want: number, got: number) => ({
    name,
    expected: want,
    collected: got,
    ok: want === got,
  });
  const checks = [
    check('clusters', s.clusters, c.clusters),
    check('node pools', s.pools, c.nodePools),
    check('nodes', s.nodes, c.nodes),
    check('pods', s.pods, c.pods),
    check('Deployments', s.deployments, kind('Deployment')),
    check('ReplicaSets', s.replicaSets, kind('ReplicaSet')),
    check('Warning events', s.events, kind('Event')),
    check('image records', s.referencedImages, c.imageRecords),
    check(
      'image records with an error',
      s.missingImages + expected.registryErrorImages,
      c.imageErrors,
    ),
    check('source errors', 0, c.sourceErrors),
  ];
  return { complete: checks.every(x => x.ok), checks };
}

function manifestVerdict(
  requests: RequestSummary,
  collect: CollectMeasurement,
): Report['manifests'] {
  const r = requests.registry;
  const images = collect.counts.imageRecords;
  const explanation = [
    `${fmt(r.distinctManifests)} distinct manifest URLs for ${fmt(
      images,
    )} distinct images: ${fmt(r.manifestsByTag)} by tag (one per image), ${fmt(
      r.manifestsByDigest,
    )} by digest (index children)`,
  ];
  if (r.manifestsByDigest === 0) {
    explanation.push(
      'no child manifests: every index entry carries its `platform` (os, os.version), so the index alone answers; a single-platform image costs its manifest plus its config blob',
    );
  }
  if (r.manifestRetries > 0) {
    explanation.push(
      `${fmt(
        r.manifestRetries,
      )} more HTTP requests are retries: the registry answers 500 for ${fmt(
        r.manifestsAnswered500,
      )} images (fleet records with \`error\`), and the client retries a 500 twice (retries: 2) with backoff`,
    );
  }
  if (collect.registryClient) {
    explanation.push(
      `the client's own counters: ${fmt(
        collect.registryClient.manifestRequests,
      )} manifests and ${fmt(
        collect.registryClient.blobRequests,
      )} configs fetched, ${fmt(collect.registryClient.cacheHits)} cache hits`,
    );
  }
  explanation.push(
    `config blobs: ${fmt(r.blobRequests)} requests for ${fmt(
      r.distinctBlobs,
    )} distinct digests (the client caches configs by digest; images of the same platform share one)`,
  );
  return {
    distinctImages: images,
    onePerImage: r.distinctManifests <= images,
    httpWithinImages: r.manifestRequests <= images,
    explanation,
  };
}

export function buildReport(
  args: Args,
  expected: Expected,
  generate: Report['generate'],
  simulator: Report['simulator'],
  collect: CollectMeasurement,
  requests: RequestSummary,
  floor: FloorMeasurement,
): Report {
  const s = expected.stats;
  const peakMb = collect.memory.maxRssMb;
  return {
    benchmark: 'collect',
    node: process.version,
    cpu: `${cpus()[0]?.model.trim() ?? 'unknown CPU'} x${cpus().length}`,
    fleetOptions: args.fleet,
    fleet: {
      clusters: s.clusters,
      pools: s.pools,
      nodes: s.nodes,
      services: s.services,
      pods: s.pods,
      objects: s.objects,
      images: s.referencedImages,
      missingImages: s.missingImages,
      registryErrorImages: expected.registryErrorImages,
      jsonMb: expected.jsonBytes / (1024 * 1024),
    },
    generate,
    simulator,
    collect: {
      ...collect,
      ratioToParse: collect.wallMs / floor.parse.medianMs,
    },
    requests,
    floor,
    completeness: completeness(expected, collect),
    manifests: manifestVerdict(requests, collect),
    targets: [
      {
        name: 'collect wall time',
        limit: `< ${fmt(TARGET_COLLECT_MS / 1000)} s`,
        value: secs(collect.wallMs),
        pass: collect.wallMs < TARGET_COLLECT_MS,
      },
      {
        name: 'peak memory (maxRSS)',
        limit: `< ${fmt(TARGET_PEAK_MB)} MB`,
        value: mb(peakMb),
        pass: peakMb < TARGET_PEAK_MB,
      },
    ],
  };
}
