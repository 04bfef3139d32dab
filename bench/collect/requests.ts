/**
 * What the collector asked the simulator for: the logged requests of the
 * collect window by kind and status, checked against the simulator's own
 * counters (`GET /_simulator/requests`), and the registry requests looked
 * at closely (one manifest per distinct image? retries? child manifests?).
 */
import type { LoggedRequest } from './simulator';

export interface KindSummary {
  requests: number;
  /** Distinct method + URL. */
  distinct: number;
  byStatus: Record<string, number>;
}

export interface RegistrySummary {
  /** HTTP manifest requests, retries included (what the simulator counted). */
  manifestRequests: number;
  /** Distinct manifest URLs: what the client needed, retries aside. */
  distinctManifests: number;
  /** Distinct manifests fetched by tag (one per image reference). */
  manifestsByTag: number;
  /** Distinct manifests fetched by digest: index children (or digest-pinned images). */
  manifestsByDigest: number;
  /** Repeats of a manifest URL: the client's retries of retryable answers (500). */
  manifestRetries: number;
  /** Distinct manifest URLs the registry answered 500 (fleet images with `error`). */
  manifestsAnswered500: number;
  /** Distinct manifest URLs answered 404 (images the registry does not know). */
  manifestsAnswered404: number;
  blobRequests: number;
  distinctBlobs: number;
}

export interface RequestSummary {
  total: number;
  distinct: number;
  byKind: Record<string, KindSummary>;
  /** The simulator's counters for the same window. */
  simulatorCounts: Record<string, number>;
  /** The log and the counters tell the same numbers, kind by kind. */
  countsAgree: boolean;
  registry: RegistrySummary;
}

const keyOf = (r: LoggedRequest) => `${r.method} ${r.url}`;

/** Distinct requests in first-seen order, each with its last answer (after retries, what the client got). */
export function distinctRequests(requests: LoggedRequest[]): LoggedRequest[] {
  const byKey = new Map<string, LoggedRequest>();
  for (const r of requests) byKey.set(keyOf(r), r);
  return [...byKey.values()];
}

export function summarizeRequests(
  requests: LoggedRequest[],
  simulatorCounts: Record<string, number>,
): RequestSummary {
  const byKind: Record<string, KindSummary> = {};
  const keysByKind = new Map<string, Set<string>>();
  for (const r of requests) {
    const kind = (byKind[r.kind] ??= {
      requests: 0,
      distinct: 0,
      byStatus: {},
    });
    kind.requests++;
    kind.byStatus[r.status] = (kind.byStatus[r.status] ?? 0) + 1;
    const keys = keysByKind.get(r.kind) ?? new Set<string>();
    keys.add(keyOf(r));
    keysByKind.set(r.kind, keys);
  }
  for (const [kind, keys] of keysByKind) byKind[kind].distinct = keys.size;
  const kinds = new Set([
    ...Object.keys(byKind),
    ...Object.keys(simulatorCounts),
  ]);
  const countsAgree = [...kinds].every(
    kind => (byKind[kind]?.requests ?? 0) === (simulatorCounts[kind] ?? 0),
  );

  const manifests = requests.filter(r => r.kind === 'registry.manifests');
  const distinct = distinctRequests(manifests);
  const byDigest = distinct.filter(r =>
    /\/manifests\/sha256:[a-f0-9]{64}(\?|$)/.test(r.url),
  ).length;
  const blobs = requests.filter(r => r.kind === 'registry.blobs');
  return {
    total: requests.length,
    distinct: distinctRequests(requests).length,
    byKind,
    simulatorCounts,
    countsAgree,
    registry: {
      manifestRequests: manifests.length,
      distinctManifests: distinct.length,
      manifestsByTag: distinct.length - byDigest,
      manifestsByDigest: byDigest,
      manifestRetries: manifests.length - distinct.length,
      manifestsAnswered500: distinct.filter(r => r.status === 500).length,
      manifestsAnswered404: distinct.filter(r => r.status === 404).length,
      blobRequests: blobs.length,
      distinctBlobs: distinctRequests(blobs).length,
    },
  };
}
