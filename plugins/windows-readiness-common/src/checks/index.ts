import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import type { CheckId, CheckResult } from '../model';
import { checkBuildSelector } from './buildSelector';
import { result, type CheckContext } from './context';
import { checkImageOsBuild } from './imageOsBuild';
import { checkLinuxIsolation } from './linuxIsolation';
import { checkOsSelector } from './osSelector';
import { checkOsSkuLifecycle } from './osSkuLifecycle';
import { checkPodStatus } from './podStatus';
import { checkTaintToleration } from './taintToleration';
import { checkUpgradePath } from './upgradePath';

export { CHECKS, CHECK_IDS, type CheckDefinition } from './catalog';
export type { CheckContext } from './context';
export { checkWindowsPoolTaint } from './windowsPoolTaint';
export { poolOnOsSku } from './upgradePath';
// The scaffolder's node pool action hands these to the workloads of a new pool.
export {
  poolPlacementSnippet,
  runtimeClassSnippet,
  tolerationsSnippet,
} from './remediation';

export type WorkloadCheck = (
  analysis: WorkloadAnalysis,
  context: CheckContext,
) => CheckResult;

// Rule 2: the checks that read image platforms say why they cannot tell.
const DECIDES_WHEN_UNKNOWN: readonly CheckId[] = [
  'image-os-build',
  'build-selector',
  'upgrade-path',
];

// The Windows checks skip for workloads that do not involve Windows
// (rule 1); while the registry has not said, only the platform checks run.
function windowsOnly(id: CheckId, check: WorkloadCheck): WorkloadCheck {
  return (analysis, context) => {
    if (analysis.windows === 'no') {
      return result(id, 'skip', 'The workload does not involve Windows.');
    }
    if (analysis.windows === 'unknown' && !DECIDES_WHEN_UNKNOWN.includes(id)) {
      return result(
        id,
        'skip',
        'Cannot tell whether the workload runs Windows containers (see image-os-build).',
      );
    }
    return check(analysis, context);
  };
}

/** Service checks in catalog order. */
export const WORKLOAD_CHECKS: readonly WorkloadCheck[] = [
  windowsOnly('image-os-build', checkImageOsBuild),
  windowsOnly('build-selector', checkBuildSelector),
  windowsOnly('os-selector', checkOsSelector),
  windowsOnly('taint-toleration', checkTaintToleration),
  // Rule 4: every workload, Linux too (a Linux image on a Windows node fails).
  checkPodStatus,
  windowsOnly('os-sku-lifecycle', checkOsSkuLifecycle),
  windowsOnly('upgrade-path', checkUpgradePath),
  checkLinuxIsolation,
];
