import { analyzeWorkload } from '../analysis/workloadAnalysis';
import { buildOsSkuTable, type OsSkuTable } from '../catalog/osSkus';
import { WORKLOAD_CHECKS, type CheckContext } from '../checks';
import type { ImageCatalog } from '../images/imageReference';
import type { KubernetesObject, WorkloadResult } from '../model';
import type { PoolProfile } from '../scheduling/poolProfile';
import type { Workload } from '../workloads/workloads';
import type { Fit } from '../analysis/imageFacts';
import { workloadSkuFit, type SkuCandidates } from '../analysis/skuFit';
import { serviceStatus } from './status';

/** What every judgement needs besides the data: when, and the OS SKU table. */
export interface CheckContextOptions {
  /** Dates count from here; defaults to now. */
  asOf?: Date;
  /** The OS SKU table, with config overrides applied. */
  osSkus?: OsSkuTable;
  retirementWarningDays?: number;
}

export function createCheckContext(
  options: CheckContextOptions = {},
): CheckContext {
  return {
    asOf: options.asOf ?? new Date(),
    osSkus: options.osSkus ?? buildOsSkuTable(),
    retirementWarningDays: options.retirementWarningDays ?? 180,
  };
}

/** One workload's verdict in one cluster, before it is tied to a service. */
export interface WorkloadVerdict {
  result: Omit<WorkloadResult, 'serviceId'>;
  /** The pools it runs on (docs/rules.md rule 6), for the pools' service lists. */
  runsOn: PoolProfile[];
  /**
   * For a workload that involves Windows, when candidates are given: per
   * Windows OS SKU, whether a new pool of it would start every image.
   */
  skuFit?: Record<string, Fit>;
}

const poolNames = (list: readonly PoolProfile[]) => list.map(pool => pool.name);

/**
 * Judges one workload against its cluster's pools with every service check:
 * what `evaluateFleet` does per workload, and what `checkManifests` does for
 * a manifest's workload (with no pods observed).
 */
export function evaluateWorkload(
  workload: Workload,
  pools: readonly PoolProfile[],
  clusterObjects: readonly KubernetesObject[],
  catalog: ImageCatalog,
  context: CheckContext,
  candidates?: SkuCandidates,
): WorkloadVerdict {
  const analysis = analyzeWorkload(workload, pools, clusterObjects, catalog);
  const checks = WORKLOAD_CHECKS.map(check => check(analysis, context));
  return {
    result: {
      cluster: workload.cluster,
      namespace: workload.namespace,
      kind: workload.kind,
      name: workload.name,
      involvesWindows: analysis.involvesWindows,
      images: workload.images,
      pools: {
        selected: poolNames(analysis.selected),
        eligible: poolNames(analysis.eligible),
        compatible: poolNames(analysis.compatible),
        runsOn: poolNames(analysis.runsOn),
      },
      status: serviceStatus(checks, analysis.involvesWindows),
      checks,
    },
    runsOn: analysis.runsOn,
    ...(candidates && analysis.involvesWindows
      ? { skuFit: workloadSkuFit(analysis.images, candidates) }
      : {}),
  };
}
