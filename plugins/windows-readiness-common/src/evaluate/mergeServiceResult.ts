import type { ServiceResult, WorkloadResult } from '../model';
import { serviceStatus, worstPerCheck } from './status';

/**
 * A service's result from its workloads in every cluster: per check the
 * worst result (fail, then warn, unknown, pass, skip), its status from those.
 */
export function mergeServiceResult(
  id: string,
  workloads: readonly WorkloadResult[],
): ServiceResult {
  const checks = worstPerCheck(
    workloads.map(workload => ({
      label: `${workload.cluster} ${workload.kind} ${workload.namespace}/${workload.name}`,
      checks: workload.checks,
    })),
  );
  const involvesWindows = workloads.some(workload => workload.involvesWindows);
  return {
    id,
    status: serviceStatus(checks, involvesWindows),
    involvesWindows,
    clusters: [...new Set(workloads.map(workload => workload.cluster))],
    checks,
    workloads: [...workloads],
  };
}
