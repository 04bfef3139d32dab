import { poolFit, type Fit, type ImageFacts } from './imageFacts';
import type { OsSkuTable } from '../catalog/osSkus';
import type { Cluster } from '../model';
import { profilePool, type PoolProfile } from '../scheduling/poolProfile';

export type { Fit };

/** A new Windows pool of each Windows OS SKU of the table, as it would be in this cluster. */
export interface SkuCandidates {
  osSkus: string[];
  pools: PoolProfile[];
}

/**
 * AKS sets a new pool's labels from its cluster, so each candidate is
 * profiled there. Only the host build matters for the fit: the pool does not
 * exist yet, so the team can still label it and tolerate its taints.
 */
export function skuCandidates(
  cluster: Cluster,
  osSkus: OsSkuTable,
): SkuCandidates {
  const windows = [...osSkus.values()].filter(sku => sku.osType === 'Windows');
  return {
    osSkus: windows.map(sku => sku.osSku),
    pools: windows.map(sku =>
      profilePool(
        cluster,
        { name: 'candidate', osType: 'Windows', osSku: sku.osSku },
        osSkus,
      ),
    ),
  };
}

/** Per Windows OS SKU: whether a new pool of it starts every image of a workload. */
export function workloadSkuFit(
  images: readonly ImageFacts[],
  candidates: SkuCandidates,
): Record<string, Fit> {
  return Object.fromEntries(
    candidates.osSkus.map((osSku, index) => [
      osSku,
      poolFit(images, candidates.pools[index]),
    ]),
  );
}

// Over all a service's Windows workloads: one that cannot start decides.
const FIT_RANK: Record<Fit, number> = { yes: 0, unknown: 1, no: 2 };

/** Folds one workload's fit per SKU into its service's worst so far. */
export function worseSkuFit(
  worst: Record<string, Fit>,
  fit: Readonly<Record<string, Fit>>,
): Record<string, Fit> {
  for (const [osSku, value] of Object.entries(fit)) {
    const previous = worst[osSku];
    if (!previous || FIT_RANK[value] > FIT_RANK[previous]) worst[osSku] = value;
  }
  return worst;
}
