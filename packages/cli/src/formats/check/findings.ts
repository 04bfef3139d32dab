import type {
  CheckResult,
  ManifestCheckResult,
  ManifestWorkloadResult,
} from '@winready/plugin-windows-readiness-common';
import { issuesOf } from '../common';

/** One failing, warning or unknown check of one manifest workload: a line to annotate. */
export interface Finding {
  workload: ManifestWorkloadResult;
  check: CheckResult;
}

/** The findings of a check run, worst first within each workload, workloads in file order. */
export function findingsOf(result: ManifestCheckResult): Finding[] {
  return result.workloads.flatMap(workload =>
    issuesOf(workload.checks).map(check => ({ workload, check })),
  );
}

export function workloadRef(workload: ManifestWorkloadResult): string {
  return `${workload.kind} ${workload.namespace}/${workload.name}`;
}

/** What a reader sees for a finding: which workload, where it would run, why, and the fix. */
export function findingText({ workload, check }: Finding): string {
  const fix = check.remediation?.summary ? ` ${check.remediation.summary}` : '';
  return `${workloadRef(workload)} on ${workload.cluster}: ${
    check.message
  }${fix}`;
}

/** `2 blocked, 1 at-risk`: the statuses that occur, worst first. */
export function statusCounts(result: ManifestCheckResult): string {
  return (
    Object.entries(result.summary.byStatus)
      .filter(([, count]) => count > 0)
      .map(([status, count]) => `${count} ${status}`)
      .join(', ') || 'nothing to judge'
  );
}

export function headline(result: ManifestCheckResult): string {
  const { cluster, summary } = result;
  const stale = cluster.stale
    ? ` (stale: its pools are from ${
        cluster.collectedAt ?? 'an earlier collection'
      })`
    : '';
  return `${summary.workloads} workload(s) in ${
    summary.documents
  } document(s) checked against ${
    cluster.name
  }${stale} as of ${result.asOf.slice(0, 10)}: ${statusCounts(result)}`;
}
