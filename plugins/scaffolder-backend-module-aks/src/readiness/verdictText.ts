import {
  compareStatus,
  type ManifestCheckResult,
  type ManifestWorkloadResult,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';

export type FailOn = 'blocked' | 'at-risk';

/** The workloads a task must not go on with. */
export function failingWorkloads(
  result: ManifestCheckResult,
  failOn: FailOn,
): ManifestWorkloadResult[] {
  return result.workloads.filter(
    workload => compareStatus(workload.status, failOn) >= 0,
  );
}

/** The worst status of the workloads (`not-applicable` when there is none). */
export function worstStatus(result: ManifestCheckResult): ServiceStatus {
  return result.workloads.reduce<ServiceStatus>(
    (worst, workload) =>
      compareStatus(workload.status, worst) > 0 ? workload.status : worst,
    'not-applicable',
  );
}

/** `deployment.yaml:19 Deployment orders/web is blocked`, then its failing and warning checks. */
export function workloadVerdict(workload: ManifestWorkloadResult): string {
  const reasons = workload.checks
    .filter(check => check.result === 'fail' || check.result === 'warn')
    .map(
      check =>
        `  - ${check.id}: ${check.message}${
          check.remediation ? ` ${check.remediation.summary}` : ''
        }`,
    );
  return [
    `${workload.file}:${workload.line} ${workload.kind} ${workload.namespace}/${workload.name} is ${workload.status}`,
    ...reasons,
  ].join('\n');
}
