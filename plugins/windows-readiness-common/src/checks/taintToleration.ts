import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import type { CheckResult } from '../model';
import type { PoolProfile } from '../scheduling/poolProfile';
import { formatTaint, untoleratedTaints } from '../scheduling/taints';
import { runtimeClassSnippet, tolerationsSnippet } from './remediation';
import { names, poolEvidence, result, type CheckContext } from './context';

const ID = 'taint-toleration';

function fail(
  analysis: WorkloadAnalysis,
  candidates: PoolProfile[],
  what: string,
): CheckResult {
  const { workload, tolerations } = analysis;
  const target = candidates[0];
  const missing = untoleratedTaints(target.taints, tolerations);
  return result(
    ID,
    'fail',
    `Every Windows pool that ${what} (${names(
      candidates,
    )}) has a taint it does not tolerate: pods stay Pending.`,
    candidates.map(pool =>
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

/**
 * Fails when compatible Windows pools exist but none is eligible. Rule 2:
 * with an image the registry has not described, the Windows pools it selects
 * might run it, so their taints decide (not an image-os-build failure).
 */
export function checkTaintToleration(
  analysis: WorkloadAnalysis,
  _context: CheckContext,
): CheckResult {
  const { selected, eligible, fit, images } = analysis;
  const windowsSelected = selected.filter(pool => pool.osType === 'Windows');
  const fitting = windowsSelected.filter(pool => fit.get(pool.name) === 'yes');
  const anyUnknownImage = images.some(image => !image.known);
  const maybe = anyUnknownImage
    ? windowsSelected.filter(pool => fit.get(pool.name) === 'unknown')
    : [];
  const candidates = fitting.length > 0 ? fitting : maybe;
  if (candidates.length === 0) {
    return result(
      ID,
      'skip',
      'No selected Windows pool can start the images (see image-os-build).',
    );
  }
  const open = candidates.filter(pool => eligible.includes(pool));
  if (open.length > 0) {
    return result(
      ID,
      'pass',
      `The workload tolerates the taints of ${names(open)}${
        fitting.length > 0
          ? ''
          : ' (whether its images start there: see image-os-build)'
      }.`,
    );
  }
  return fail(
    analysis,
    candidates,
    fitting.length > 0 ? 'can run the workload' : 'might run the workload',
  );
}
