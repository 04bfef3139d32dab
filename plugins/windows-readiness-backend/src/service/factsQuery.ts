import {
  poolsRunOn,
  serviceFacts,
  type FactsResponse,
} from '@winready/plugin-windows-readiness-common';
import type { StoredClusterResult, StoredServiceResult } from '../store';

/**
 * `GET /v1/facts`: each readable service's facts (serviceFacts), from the
 * stored service and cluster results, with the days counted from the stored
 * evaluation's "as of" so that they agree with its verdicts.
 */
export function factsOf(options: {
  services: readonly StoredServiceResult[];
  clusters: readonly StoredClusterResult[];
  /** Entity refs the caller may read; all when undefined. */
  readable?: ReadonlySet<string>;
  ownerOf: (entityRef: string) => string | undefined;
  asOf?: string;
  evaluatedAt?: string;
  now: () => Date;
}): FactsResponse {
  const clusters = options.clusters.map(stored => stored.result);
  const asOf = options.asOf ? new Date(options.asOf) : options.now();
  const items = options.services
    .filter(stored => !options.readable || options.readable.has(stored.id))
    .map(stored => {
      const owner = options.ownerOf(stored.id);
      return {
        entityRef: stored.id,
        ...(owner ? { owner } : {}),
        ...serviceFacts(
          stored.result,
          poolsRunOn(stored.result, clusters),
          asOf,
        ),
      };
    });
  return {
    asOf: asOf.toISOString(),
    ...(options.evaluatedAt ? { evaluatedAt: options.evaluatedAt } : {}),
    items,
  };
}
