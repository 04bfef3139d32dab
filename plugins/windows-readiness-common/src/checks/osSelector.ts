import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import type { CheckResult } from '../model';
import { osSelectorSnippet } from './remediation';
import { names, objectRef, result, type CheckContext } from './context';

const ID = 'os-selector';
const BETA_OS_LABEL = 'beta.kubernetes.io/os';

/** A Windows workload must be kept off Linux nodes, through the GA os label. */
export function checkOsSelector(
  analysis: WorkloadAnalysis,
  _context: CheckContext,
): CheckResult {
  const { workload, eligible, osSelection } = analysis;
  const linuxPools = eligible.filter(pool => pool.osType !== 'Windows');
  const remediation = () => ({
    summary:
      'Select Windows nodes with kubernetes.io/os and declare the pod OS.',
    snippet: osSelectorSnippet('windows'),
    snippetLanguage: 'yaml' as const,
  });
  if (linuxPools.length > 0) {
    return result(
      ID,
      'fail',
      `The workload can be scheduled on Linux pool(s) ${names(
        linuxPools,
      )}, where its Windows containers cannot run.`,
      linuxPools.map(pool => ({
        cluster: workload.cluster,
        pool: pool.name,
        object: objectRef(workload),
        osSku: pool.osSku,
      })),
      remediation(),
    );
  }
  if (
    osSelection.windowsLabels.length > 0 &&
    osSelection.windowsLabels.every(label => label === BETA_OS_LABEL)
  ) {
    return result(
      ID,
      'warn',
      `The workload selects Windows only through ${BETA_OS_LABEL}, deprecated since Kubernetes 1.14.`,
      [{ cluster: workload.cluster, object: objectRef(workload) }],
      remediation(),
    );
  }
  return result(ID, 'pass', 'The workload cannot land on Linux nodes.');
}
