import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import type { CheckResult } from '../model';
import { checkBuildSelector } from './buildSelector';
import type { CheckContext } from './context';
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

export type WorkloadCheck = (
  analysis: WorkloadAnalysis,
  context: CheckContext,
) => CheckResult;

/** Service checks in catalog order. */
export const WORKLOAD_CHECKS: readonly WorkloadCheck[] = [
  checkImageOsBuild,
  checkBuildSelector,
  checkOsSelector,
  checkTaintToleration,
  checkPodStatus,
  checkOsSkuLifecycle,
  checkUpgradePath,
  checkLinuxIsolation,
];
