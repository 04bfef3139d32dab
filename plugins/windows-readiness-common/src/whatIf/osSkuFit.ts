import { analyzeWorkload } from '../analysis/workloadAnalysis';
import type { Fit } from '../analysis/imageFacts';
import {
  buildOsSkuTable,
  isKubernetesVersionAllowed,
  type OsSkuInfo,
  type OsSkuTable,
} from '../catalog/osSkus';
import { windowsBuildName } from '../catalog/windowsBuilds';
import { ImageCatalog } from '../images/imageReference';
import type { Cluster, Fleet, OsSkuOption } from '../model';
import { profilePool } from '../scheduling/poolProfile';
import { extractWorkloads, type Workload } from '../workloads/workloads';
import { skuCandidates, workloadSkuFit, worseSkuFit } from '../analysis/skuFit';
import { WhatIfError } from './whatIf';

export interface OsSkuFitOptions {
  /** The OS SKU table, with config overrides applied. */
  osSkus?: OsSkuTable;
  /** Which services a workload belongs to; by default its `backstage.io/kubernetes-id`. */
  serviceIdsOf?: (workload: Workload) => string[];
  /** The cluster the new pool is for: sets `allowedOnCluster`. */
  cluster?: string;
}

/** One Windows OS SKU with the service ids (all of them) split by fit. */
export type OsSkuFitItem = Omit<OsSkuOption, 'services' | 'notFitting'> & {
  /** Every Windows image of the service starts on a new pool of this SKU. */
  fit: string[];
  /** Some Windows workload of the service has an image this SKU cannot start. */
  noFit: string[];
  /** Some image's platforms are unknown, and none is known not to fit. */
  unknown: string[];
};

export interface OsSkuFitResult {
  cluster?: { name: string; kubernetesVersion?: string };
  items: OsSkuFitItem[];
}

const byKubernetesId = (workload: Workload) =>
  workload.serviceId ? [workload.serviceId] : [];

const LIST_OF: Record<Fit, 'fit' | 'noFit' | 'unknown'> = {
  yes: 'fit',
  no: 'noFit',
  unknown: 'unknown',
};

/** The figures of the OS SKU table a picker shows, without empty keys. */
function skuFigures(
  sku: OsSkuInfo,
): Omit<OsSkuFitItem, 'fit' | 'noFit' | 'unknown' | 'allowedOnCluster'> {
  const figures = {
    osSku: sku.osSku,
    osType: sku.osType,
    build: sku.build,
    buildName: sku.build ? windowsBuildName(sku.build) : undefined,
    baseImageTag: sku.baseImageTag,
    retirementDate: sku.retirementDate,
    imageDeletionDate: sku.imageDeletionDate,
    successor: sku.successor,
    minKubernetesVersion: sku.minKubernetesVersion,
    maxKubernetesVersion: sku.maxKubernetesVersion,
  };
  return Object.fromEntries(
    Object.entries(figures).filter(([, value]) => value !== undefined),
  ) as typeof figures;
}

function findCluster(fleet: Fleet, name: string): Cluster {
  const clusters = fleet.clusters ?? [];
  const cluster = clusters.find(c => c?.name === name);
  if (!cluster) {
    throw new WhatIfError(
      `No cluster named "${name}" in the fleet (clusters: ${
        clusters.map(c => c?.name).join(', ') || 'none'
      }).`,
    );
  }
  return cluster;
}

/**
 * The OS SKU options of the table's Windows SKUs, each with the services
 * split by their worst fit (services with no Windows workload are absent),
 * newest build first, and whether the SKU is allowed on a Kubernetes version.
 */
export function osSkuFitItems(
  fitByService: ReadonlyMap<string, Readonly<Record<string, Fit>>>,
  osSkus: OsSkuTable,
  kubernetesVersion?: string,
): OsSkuFitItem[] {
  const services = [...fitByService.keys()].sort();
  const windowsSkus = [...osSkus.values()].filter(
    sku => sku.osType === 'Windows',
  );
  const items = windowsSkus.map((sku): OsSkuFitItem => {
    const split = { fit: [], noFit: [], unknown: [] } as Record<
      'fit' | 'noFit' | 'unknown',
      string[]
    >;
    for (const id of services) {
      split[LIST_OF[fitByService.get(id)![sku.osSku] ?? 'unknown']].push(id);
    }
    const allowed =
      kubernetesVersion !== undefined
        ? isKubernetesVersionAllowed(sku, kubernetesVersion)
        : undefined;
    return {
      ...skuFigures(sku),
      ...(allowed !== undefined ? { allowedOnCluster: allowed } : {}),
      ...split,
    };
  });
  // Newest build first; a SKU without a known build last, then by name.
  return items.sort(
    (a, b) =>
      (b.build ?? -1) - (a.build ?? -1) || a.osSku.localeCompare(b.osSku),
  );
}

/**
 * For every Windows OS SKU of the table: which of the fleet's Windows
 * services could start all their images on a new pool of that SKU. Only the
 * host build matters here, not taints or selectors: the pool does not exist
 * yet, so the team can still label it and tolerate its taints. Pure; throws
 * only a WhatIfError for a `cluster` the fleet does not have.
 */
export function osSkuFit(
  fleet: Fleet,
  options: OsSkuFitOptions = {},
): OsSkuFitResult {
  const osSkus = options.osSkus ?? buildOsSkuTable();
  const serviceIdsOf = options.serviceIdsOf ?? byKubernetesId;
  const target =
    options.cluster !== undefined
      ? findCluster(fleet, options.cluster)
      : undefined;
  const catalog = new ImageCatalog(fleet.images ?? {});
  // service id -> per SKU, the worst fit over its Windows workloads.
  const fitByService = new Map<string, Record<string, Fit>>();
  for (const cluster of fleet.clusters ?? []) {
    if (!cluster) continue;
    const candidates = skuCandidates(cluster, osSkus);
    // Whether a workload runs Windows containers depends on where it can be
    // scheduled (docs/rules.md rule 1): judge it on the cluster's pools.
    const pools = (cluster.nodePools ?? []).map(pool =>
      profilePool(cluster, pool, osSkus),
    );
    for (const workload of extractWorkloads(cluster)) {
      const serviceIds = serviceIdsOf(workload);
      if (serviceIds.length === 0) continue;
      const analysis = analyzeWorkload(
        workload,
        pools,
        cluster.objects ?? [],
        catalog,
      );
      if (!analysis.involvesWindows) continue;
      const fit = workloadSkuFit(analysis.images, candidates);
      for (const serviceId of serviceIds) {
        fitByService.set(
          serviceId,
          worseSkuFit(fitByService.get(serviceId) ?? {}, fit),
        );
      }
    }
  }
  const items = osSkuFitItems(fitByService, osSkus, target?.kubernetesVersion);

  return {
    ...(target
      ? {
          cluster: {
            name: target.name,
            ...(target.kubernetesVersion !== undefined
              ? { kubernetesVersion: target.kubernetesVersion }
              : {}),
          },
        }
      : {}),
    items,
  };
}
