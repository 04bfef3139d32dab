import { ImageCatalog } from '../images/imageReference';
import type {
  ClusterResult,
  EvaluationResult,
  Fleet,
  WorkloadResult,
} from '../model';
import type { Workload } from '../workloads/workloads';
import { evaluateCluster } from './evaluateCluster';
import {
  createCheckContext,
  type CheckContextOptions,
} from './evaluateWorkload';
import { mergeServiceResult } from './mergeServiceResult';

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

/** Judges every service and cluster of a fleet. Pure: same fleet and asOf, same result. */
export function evaluateFleet(
  fleet: Fleet,
  options: EvaluateOptions = {},
): EvaluationResult {
  const context = createCheckContext(options);
  const catalog = new ImageCatalog(fleet.images ?? {});
  const serviceIdsOf = options.serviceIdsOf ?? byKubernetesId;
  const byService = new Map<string, WorkloadResult[]>();
  const clusters: ClusterResult[] = [];
  for (const cluster of fleet.clusters ?? []) {
    const evaluation = evaluateCluster(cluster, catalog, context, serviceIdsOf);
    clusters.push(evaluation.cluster);
    for (const { serviceIds, result } of evaluation.workloads) {
      for (const serviceId of serviceIds) {
        const list = byService.get(serviceId) ?? [];
        list.push({ ...result, serviceId });
        byService.set(serviceId, list);
      }
    }
  }
  return {
    asOf: context.asOf.toISOString(),
    services: [...byService.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, list]) => mergeServiceResult(id, list)),
    clusters,
  };
}
