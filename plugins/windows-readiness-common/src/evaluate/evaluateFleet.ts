import { ImageCatalog } from '../images/imageReference';
import type { ClusterResult, EvaluationResult, Fleet } from '../model';
import type { Workload } from '../workloads/workloads';
import { evaluateCluster } from './evaluateCluster';
import {
  createCheckContext,
  type CheckContextOptions,
} from './evaluateWorkload';
import { ServiceResultsByCluster } from './serviceResultsByCluster';

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
  const services = new ServiceResultsByCluster();
  const clusters: ClusterResult[] = [];
  for (const cluster of fleet.clusters ?? []) {
    const evaluation = evaluateCluster(cluster, catalog, context, serviceIdsOf);
    clusters.push(evaluation.cluster);
    services.add(evaluation);
  }
  return {
    asOf: context.asOf.toISOString(),
    services: services.merged(),
    clusters,
  };
}
