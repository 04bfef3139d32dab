import type { ServiceResult, WorkloadResult } from '../model';
import type { ClusterEvaluation } from './evaluateCluster';
import { mergeServiceResult } from './mergeServiceResult';

/**
 * Service results gathered cluster by cluster: each cluster's workload
 * results under the services they belong to, merged (worst of each check)
 * once every cluster is in. A caller holds one cluster's objects at a time.
 */
export class ServiceResultsByCluster {
  private readonly byService = new Map<string, WorkloadResult[]>();

  /** Adds one cluster's workload results to their services. */
  add(evaluation: ClusterEvaluation): void {
    for (const { serviceIds, result } of evaluation.workloads) {
      for (const serviceId of serviceIds) {
        const list = this.byService.get(serviceId) ?? [];
        list.push({ ...result, serviceId });
        this.byService.set(serviceId, list);
      }
    }
  }

  /** Every service's result, merged from its clusters, sorted by id. */
  merged(): ServiceResult[] {
    return [...this.byService.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, list]) => mergeServiceResult(id, list));
  }
}
