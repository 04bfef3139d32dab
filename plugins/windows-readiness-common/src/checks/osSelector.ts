import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import { isWindowsOnly } from '../analysis/imageFacts';
import { BETA_OS_LABEL } from '../analysis/osSelection';
import { pinnedToLinux } from '../analysis/workloadOs';
import type { CheckResult } from '../model';
import type { PoolProfile } from '../scheduling/poolProfile';
import { osSelectorSnippet } from './remediation';
import { names, objectRef, result, type CheckContext } from './context';

const ID = 'os-selector';

const remediation = () => ({
  summary: 'Select Windows nodes with kubernetes.io/os and declare the pod OS.',
  snippet: osSelectorSnippet('windows'),
  snippetLanguage: 'yaml' as const,
});

function linuxEvidence(analysis: WorkloadAnalysis, pools: PoolProfile[]) {
  return pools.map(pool => ({
    cluster: analysis.workload.cluster,
    pool: pool.name,
    object: objectRef(analysis.workload),
    osSku: pool.osSku,
  }));
}

/** A Windows workload must be kept off Linux nodes, through the GA os label. */
export function checkOsSelector(
  analysis: WorkloadAnalysis,
  _context: CheckContext,
): CheckResult {
  const { workload, eligible, osSelection, selected } = analysis;
  const windowsOnly = analysis.images.filter(isWindowsOnly);
  // Rule 1: a Windows-only image pinned to Linux, e.g. by a copied chart value.
  if (pinnedToLinux(selected) && windowsOnly.length > 0) {
    return result(
      ID,
      'fail',
      `The workload is pinned to Linux pool(s) ${names(
        selected,
      )}, where its Windows-only image(s) ${windowsOnly
        .map(image => image.reference)
        .join(', ')} cannot start.`,
      linuxEvidence(analysis, selected),
      remediation(),
    );
  }
  const linuxPools = eligible.filter(pool => pool.osType !== 'Windows');
  if (linuxPools.length > 0) {
    // Rule 1: images with a Linux platform (or not yet described) may start
    // on either OS; a Windows-only one cannot start on Linux.
    if (windowsOnly.length === 0) {
      return result(
        ID,
        'warn',
        `The workload can be scheduled on Linux pool(s) ${names(
          linuxPools,
        )} as well as on Windows pools: its images may start on either OS, so which one it runs depends on where the scheduler puts it.`,
        linuxEvidence(analysis, linuxPools),
        {
          ...remediation(),
          summary:
            'Pin the workload to the OS it should run on: kubernetes.io/os: windows (below) or linux.',
        },
      );
    }
    return result(
      ID,
      'fail',
      `The workload can be scheduled on Linux pool(s) ${names(
        linuxPools,
      )}, where its Windows containers cannot run.`,
      linuxEvidence(analysis, linuxPools),
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
