import { checkWindowsPoolTaint } from '../checks';
import { ImageCatalog } from '../images/imageReference';
import type {
  ClusterResult,
  EvaluationResult,
  Fleet,
  PoolSummary,
  ServiceResult,
  WorkloadResult,
} from '../model';
import { profilePool, type PoolProfile } from '../scheduling/poolProfile';
import { formatTaint } from '../scheduling/taints';
import { windowsBuildName } from '../catalog/windowsBuilds';
import { formatWindowsVersion } from '../versions/windowsVersion';
import { extractWorkloads, type Workload } from '../workloads/workloads';
import {
  createCheckContext,
  evaluateWorkload,
  type CheckContextOptions,
} from './evaluateWorkload';
import { serviceStatus, worstPerCheck } from './status';

export interface EvaluateOptions extends CheckContextOptions {
  /**
   * Which services a workload belongs to. By default its
   * `backstage.io/kubernetes-id` label; the backend also maps catalog
   * entities' label selectors.
   */
  serviceIdsOf?: (workload: Workload) => string[];
}

const byKubernetesId = (workload: Workload) =>
  workload.serviceId ? [workload.serviceId] : [];

function poolSummary(pool: PoolProfile, services: string[]): PoolSummary {
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
  };
}

/** Judges every service and cluster of a fleet. Pure: same fleet and asOf, same result. */
export function evaluateFleet(
  fleet: Fleet,
  options: EvaluateOptions = {},
): EvaluationResult {
  const context = createCheckContext(options);
  const catalog = new ImageCatalog(fleet.images ?? {});
  const workloadResults: WorkloadResult[] = [];
  const clusters: ClusterResult[] = [];

  for (const cluster of fleet.clusters ?? []) {
    const pools = (cluster.nodePools ?? []).map(pool =>
      profilePool(cluster, pool, context.osSkus),
    );
    const servicesByPool = new Map<string, string[]>(
      pools.map(pool => [pool.name, []]),
    );
    const serviceIdsOf = options.serviceIdsOf ?? byKubernetesId;
    for (const workload of extractWorkloads(cluster)) {
      const serviceIds = serviceIdsOf(workload);
      if (serviceIds.length === 0) continue;
      const { result, runsOn } = evaluateWorkload(
        workload,
        pools,
        cluster.objects ?? [],
        catalog,
        context,
      );
      for (const pool of runsOn) {
        servicesByPool.get(pool.name)?.push(...serviceIds);
      }
      for (const serviceId of serviceIds) {
        workloadResults.push({ ...result, serviceId });
      }
    }
    clusters.push({
      name: cluster.name,
      kubernetesVersion: cluster.kubernetesVersion,
      ...(cluster.azure ? { azure: cluster.azure } : {}),
      collectedAt: cluster.collectedAt,
      errors: cluster.errors ?? [],
      pools: pools.map(pool =>
        poolSummary(pool, servicesByPool.get(pool.name) ?? []),
      ),
      checks: [checkWindowsPoolTaint(cluster.name, pools)],
    });
  }

  return {
    asOf: context.asOf.toISOString(),
    services: groupByService(workloadResults),
    clusters,
  };
}

function groupByService(workloads: WorkloadResult[]): ServiceResult[] {
  const byService = new Map<string, WorkloadResult[]>();
  for (const workload of workloads) {
    const list = byService.get(workload.serviceId) ?? [];
    list.push(workload);
    byService.set(workload.serviceId, list);
  }
  return [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, list]) => {
      const checks = worstPerCheck(
        list.map(workload => ({
          label: `${workload.cluster} ${workload.kind} ${workload.namespace}/${workload.name}`,
          checks: workload.checks,
        })),
      );
      const involvesWindows = list.some(workload => workload.involvesWindows);
      return {
        id,
        status: serviceStatus(checks, involvesWindows),
        involvesWindows,
        clusters: [...new Set(list.map(workload => workload.cluster))],
        checks,
        workloads: list,
      };
    });
}
