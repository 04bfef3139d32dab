import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import type { CheckResult, Evidence } from '../model';
import type { PoolProfile } from '../scheduling/poolProfile';
import { buildSelectorSnippet } from './remediation';
import { names, poolEvidence, result, type CheckContext } from './context';
import {
  imageUnknownReason,
  joinReasons,
  poolBuildUnknownReason,
  settleSummary,
} from './unknownReasons';

const ID = 'build-selector';

/** Rule 8: an unknown result says what could not be told and what settles it. */
function cannotTell(
  pools: readonly PoolProfile[],
  reasons: string,
  evidence: Evidence[],
  settle: string,
): CheckResult {
  return result(
    ID,
    'unknown',
    `Cannot tell whether ${names(pools)} can start the images: ${reasons}.`,
    evidence,
    { summary: settle },
  );
}

/** Warns when the scheduler may pick an eligible Windows pool whose build cannot start the images. */
export function checkBuildSelector(
  analysis: WorkloadAnalysis,
  _context: CheckContext,
): CheckResult {
  const { workload, eligible, fit } = analysis;
  const windowsEligible = eligible.filter(pool => pool.osType === 'Windows');
  const good = windowsEligible.filter(pool => fit.get(pool.name) === 'yes');
  const bad = windowsEligible.filter(pool => fit.get(pool.name) === 'no');
  const undecided = windowsEligible.filter(
    pool => fit.get(pool.name) === 'unknown',
  );
  const unknownImages = analysis.images.filter(image => !image.known);
  // Rule 2: an image the registry has not described leaves the build open.
  if (bad.length === 0 && undecided.length > 0 && unknownImages.length > 0) {
    return cannotTell(
      undecided,
      joinReasons(unknownImages.map(imageUnknownReason)),
      undecided.map(pool => poolEvidence(workload, pool)),
      settleSummary(unknownImages),
    );
  }
  if (good.length === 0) {
    return result(
      ID,
      'skip',
      'No eligible Windows pool can start the images, so there is no build to select (see image-os-build and taint-toleration).',
    );
  }
  if (bad.length > 0) {
    return result(
      ID,
      'warn',
      `Pods can land on ${names(
        bad,
      )}, whose Windows build cannot start the images, as well as on ${names(
        good,
      )}; nothing keeps them off.`,
      bad.map(pool => poolEvidence(workload, pool)),
      {
        summary: `Select the build of ${names(
          good,
        )} with node.kubernetes.io/windows-build (or kubernetes.azure.com/os-sku, or a RuntimeClass).`,
        snippet: buildSelectorSnippet(good),
        snippetLanguage: 'yaml',
      },
    );
  }
  if (undecided.length > 0) {
    return cannotTell(
      undecided,
      joinReasons(undecided.map(poolBuildUnknownReason)),
      undecided.map(pool =>
        poolEvidence(workload, pool, { detail: poolBuildUnknownReason(pool) }),
      ),
      settleSummary([], undecided),
    );
  }
  return result(
    ID,
    'pass',
    `Every Windows pool the workload can land on (${names(
      good,
    )}) starts its images.`,
  );
}
