import type { Fit } from '../analysis/imageFacts';
import { windowsBuildName } from '../catalog/windowsBuilds';
import { checkWindowsPoolTaint, type CheckContext } from '../checks';
import type { ImageCatalog } from '../images/imageReference';
import type {
  Cluster,
  ClusterResult,
  PoolSummary,
  PoolWorkloadCounts,
  WorkloadResult,
} from '../model';
import { profilePool, type PoolProfile } from '../scheduling/poolProfile';
import { formatTaint } from '../scheduling/taints';
import { formatWindowsVersion } from '../versions/windowsVersion';
import { skuCandidates } from '../analysis/skuFit';
import { extractWorkloads, type Workload } from '../workloads/workloads';
import { evaluateWorkload } from './evaluateWorkload';

/** One workload of a cluster, judged, with the services it belongs to. */
export interface ClusterWorkload {
  /** The catalog's services (entity refs or kubernetes-ids); none for a workload no entity maps to. */
  serviceIds: string[];
  result: Omit<WorkloadResult, 'serviceId'>;
  /** For a workload that involves Windows: per Windows OS SKU, whether a new pool of it starts its images. */
  skuFit?: Record<string, Fit>;
  /** The workload as extracted from the cluster (what a what-if judges again). */
  workload: Workload;
}

/** One cluster judged on its own: what a per-cluster pipeline stores. */
export interface ClusterEvaluation {
  cluster: ClusterResult;
  workloads: ClusterWorkload[];
}

/** Adds one workload's pools to the per-pool counts. */
export function countPoolWorkloads(
  counts: Map<string, PoolWorkloadCounts>,
  pools: WorkloadResult['pools'],
): void {
  const bump = (name: string, key: keyof PoolWorkloadCounts) => {
    const entry = counts.get(name);
    if (entry) entry[key]++;
  };
  pools.runsOn.forEach(name => bump(name, 'on'));
  pools.eligible.forEach(name => bump(name, 'eligible'));
  // Selected, but a taint keeps it off or the pool cannot start its images.
  pools.selected
    .filter(
      name =>
        !pools.eligible.includes(name) || !pools.compatible.includes(name),
    )
    .forEach(name => bump(name, 'blocked'));
}

/** Zero counts for every pool. */
export function emptyPoolWorkloadCounts(
  poolNames: Iterable<string>,
): Map<string, PoolWorkloadCounts> {
  return new Map(
    [...poolNames].map(name => [name, { on: 0, eligible: 0, blocked: 0 }]),
  );
}

function poolSummary(
  pool: PoolProfile,
  services: string[],
  workloads: PoolWorkloadCounts | undefined,
): PoolSummary {
  return {
    name: pool.name,
    osType: pool.osType,
    osSku: pool.osSku,
    mode: pool.pool.mode,
    count: pool.pool.count,
    nodeImageVersion: pool.pool.nodeImageVersion,
    windowsBuild: pool.hostBuild
      ? formatWindowsVersion(pool.hostBuild, true)
      : undefined,
    windowsBuildName: pool.hostBuild
      ? windowsBuildName(pool.hostBuild.build)
      : undefined,
    windowsBuildSource: pool.hostBuildSource,
    taints: pool.taints.map(formatTaint),
    retirementDate: pool.osSkuInfo?.retirementDate,
    imageDeletionDate: pool.osSkuInfo?.imageDeletionDate,
    successorOsSku: pool.osSkuInfo?.successor,
    services: [...new Set(services)].sort(),
    ...(workloads ? { workloads } : {}),
  };
}

/**
 * Judges every workload of one cluster (those no entity maps to included)
 * and the cluster's own check. Pure, and needs nothing of other clusters:
 * a service's result is its clusters' workloads merged (mergeServiceResult).
 */
export function evaluateCluster(
  cluster: Cluster,
  catalog: ImageCatalog,
  context: CheckContext,
  serviceIdsOf: (workload: Workload) => string[],
): ClusterEvaluation {
  const pools = (cluster.nodePools ?? []).map(pool =>
    profilePool(cluster, pool, context.osSkus),
  );
  const candidates = skuCandidates(cluster, context.osSkus);
  const servicesByPool = new Map<string, string[]>(
    pools.map(pool => [pool.name, []]),
  );
  const workloads: ClusterWorkload[] = [];
  const counts = emptyPoolWorkloadCounts(pools.map(pool => pool.name));
  for (const workload of extractWorkloads(cluster)) {
    const serviceIds = serviceIdsOf(workload);
    const { result, runsOn, skuFit } = evaluateWorkload(
      workload,
      pools,
      cluster.objects ?? [],
      catalog,
      context,
      candidates,
    );
    countPoolWorkloads(counts, result.pools);
    for (const pool of runsOn) {
      servicesByPool.get(pool.name)?.push(...serviceIds);
    }
    workloads.push({
      serviceIds,
      result,
      ...(skuFit ? { skuFit } : {}),
      workload,
    });
  }
  return {
    cluster: {
      name: cluster.name,
      kubernetesVersion: cluster.kubernetesVersion,
      ...(cluster.azure ? { azure: cluster.azure } : {}),
      collectedAt: cluster.collectedAt,
      errors: cluster.errors ?? [],
      pools: pools.map(pool =>
        poolSummary(
          pool,
          servicesByPool.get(pool.name) ?? [],
          counts.get(pool.name),
        ),
      ),
      checks: [checkWindowsPoolTaint(cluster.name, pools)],
    },
    workloads,
  };
}
