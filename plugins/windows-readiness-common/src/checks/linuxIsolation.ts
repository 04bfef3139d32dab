import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import type { CheckResult } from '../model';
import { osSelectorSnippet } from './remediation';
import { names, poolEvidence, result, type CheckContext } from './context';

const ID = 'linux-isolation';

/**
 * Rule 7: warns when a Linux workload can land on a Windows pool: one that is
 * untainted, or whose taints it tolerates (a tolerate-all DaemonSet).
 */
export function checkLinuxIsolation(
  analysis: WorkloadAnalysis,
  _context: CheckContext,
): CheckResult {
  const { workload, eligible } = analysis;
  if (analysis.windows === 'unknown') {
    return result(
      ID,
      'skip',
      'Cannot tell whether the workload runs Windows containers (see image-os-build).',
    );
  }
  if (analysis.involvesWindows) {
    return result(ID, 'skip', 'The workload involves Windows.');
  }
  const windowsPools = eligible.filter(pool => pool.osType === 'Windows');
  if (windowsPools.length === 0) {
    return result(ID, 'pass', 'The workload cannot land on a Windows pool.');
  }
  return result(
    ID,
    'warn',
    `The workload has no Linux OS selection and can land on Windows pool(s) ${names(
      windowsPools,
    )}, which carry no taint it lacks a toleration for; its pods would fail to pull there.`,
    windowsPools.map(pool => poolEvidence(workload, pool)),
    {
      summary:
        'Select Linux nodes (and taint the Windows pools, see windows-pool-taint).',
      snippet: osSelectorSnippet('linux'),
      snippetLanguage: 'yaml',
    },
  );
}
