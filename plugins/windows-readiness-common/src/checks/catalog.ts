import type { CheckId, CheckResultValue } from '../model';

export interface CheckDefinition {
  id: CheckId;
  scope: 'service' | 'cluster';
  title: string;
  description: string;
  /** Every result the check can give. */
  results: readonly CheckResultValue[];
}

/** The check catalog (README, "The checks"): ids and meanings are a contract. */
export const CHECKS: readonly CheckDefinition[] = [
  {
    id: 'image-os-build',
    scope: 'service',
    title: 'Image fits the Windows build',
    description:
      'A Windows pool the workload can be scheduled on can start every image under process isolation.',
    results: ['pass', 'fail', 'unknown', 'skip'],
  },
  {
    id: 'build-selector',
    scope: 'service',
    title: 'Build is selected',
    description:
      'Nothing lets the workload land on an eligible pool whose Windows build cannot run its images.',
    results: ['pass', 'warn', 'unknown', 'skip'],
  },
  {
    id: 'os-selector',
    scope: 'service',
    title: 'OS is selected',
    description:
      'A Windows workload cannot be scheduled on Linux nodes (warns when its images may start on either OS) and selects Windows through kubernetes.io/os.',
    results: ['pass', 'warn', 'fail', 'skip'],
  },
  {
    id: 'taint-toleration',
    scope: 'service',
    title: 'Taints are tolerated',
    description:
      'The workload tolerates the taints of at least one Windows pool that can run it.',
    results: ['pass', 'fail', 'skip'],
  },
  {
    id: 'pod-status',
    scope: 'service',
    title: 'Pods show no OS mismatch',
    description:
      'Observed pods of every workload, Linux too, show no OS mismatch at start, pull or sandbox creation, and are not Pending on an untolerated taint that explains it.',
    results: ['pass', 'fail', 'skip'],
  },
  {
    id: 'os-sku-lifecycle',
    scope: 'service',
    title: 'OS SKU is supported',
    description:
      'No pool the service runs on is retired or retires within 180 days; fail once node images are deleted.',
    results: ['pass', 'warn', 'fail', 'unknown', 'skip'],
  },
  {
    id: 'upgrade-path',
    scope: 'service',
    title: 'Survives the next Windows Server',
    description:
      'The images have a platform for the successor OS SKU of every pool the service runs on.',
    results: ['pass', 'warn', 'unknown', 'skip'],
  },
  {
    id: 'linux-isolation',
    scope: 'service',
    title: 'Linux pods stay on Linux',
    description:
      'A Linux workload cannot land on an untainted Windows pool of its cluster.',
    results: ['pass', 'warn', 'skip'],
  },
  {
    id: 'windows-pool-taint',
    scope: 'cluster',
    title: 'Windows pools are tainted',
    description: 'Every Windows pool carries a NoSchedule or NoExecute taint.',
    results: ['pass', 'warn', 'skip'],
  },
];

export const CHECK_IDS: readonly CheckId[] = CHECKS.map(check => check.id);
