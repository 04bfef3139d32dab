import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import type { CheckResult } from '../model';
import { formatTaint, untoleratedTaints } from '../scheduling/taints';
import { runtimeClassSnippet, tolerationsSnippet } from './remediation';
import { names, poolEvidence, result, type CheckContext } from './context';

const ID = 'taint-toleration';

/** Fails when the Windows pools that could run the workload all repel it with a taint. */
export function checkTaintToleration(
  analysis: WorkloadAnalysis,
  _context: CheckContext,
): CheckResult {
  const { workload, compatible, eligible, tolerations } = analysis;
  const windowsCompatible = compatible.filter(
    pool => pool.osType === 'Windows',
  );
  if (windowsCompatible.length === 0) {
    return result(
      ID,
      'skip',
      'No selected Windows pool can start the images (see image-os-build).',
    );
  }
  const open = windowsCompatible.filter(pool => eligible.includes(pool));
  if (open.length > 0) {
    return result(
      ID,
      'pass',
      `The workload tolerates the taints of ${names(open)}.`,
    );
  }
  const target = windowsCompatible[0];
  const missing = untoleratedTaints(target.taints, tolerations);
  return result(
    ID,
    'fail',
    `Every Windows pool that can run the workload (${names(
      windowsCompatible,
    )}) has a taint it does not tolerate: pods stay Pending.`,
    windowsCompatible.map(pool =>
      poolEvidence(workload, pool, {
        taints: untoleratedTaints(pool.taints, tolerations).map(formatTaint),
      }),
    ),
    {
      summary: `Tolerate ${missing
        .map(formatTaint)
        .join(
          ', ',
        )} (or use a RuntimeClass that carries the toleration and selector for ${
        target.name
      }).`,
      snippet: `${tolerationsSnippet(missing)}\n---\n${runtimeClassSnippet(
        target,
      )}`,
      snippetLanguage: 'yaml',
    },
  );
}
