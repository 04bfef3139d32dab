import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import { daysUntil } from '../catalog/osSkus';
import type { CheckResult, Evidence } from '../model';
import { poolEvidence, result, type CheckContext } from './context';

const ID = 'os-sku-lifecycle';

/** Warns when a pool the service runs on retires soon, fails once its node images are deleted. */
export function checkOsSkuLifecycle(
  analysis: WorkloadAnalysis,
  context: CheckContext,
): CheckResult {
  const { workload } = analysis;
  const pools = analysis.runsOn.filter(pool => pool.osType === 'Windows');
  if (pools.length === 0) {
    return result(ID, 'skip', 'The workload runs on no Windows pool.');
  }
  const failing: Evidence[] = [];
  const warning: Evidence[] = [];
  const unknown: Evidence[] = [];
  for (const pool of pools) {
    const info = pool.osSkuInfo;
    if (!info) {
      unknown.push(
        poolEvidence(workload, pool, {
          detail: `OS SKU ${
            pool.osSku ?? '(none)'
          } is not in the OS SKU table.`,
        }),
      );
      continue;
    }
    if (
      info.imageDeletionDate &&
      daysUntil(info.imageDeletionDate, context.asOf) <= 0
    ) {
      failing.push(
        poolEvidence(workload, pool, {
          detail: `${info.osSku} node images were deleted on ${info.imageDeletionDate}: scaling out fails.`,
        }),
      );
    } else if (
      info.retirementDate &&
      daysUntil(info.retirementDate, context.asOf) <=
        context.retirementWarningDays
    ) {
      const days = daysUntil(info.retirementDate, context.asOf);
      warning.push(
        poolEvidence(workload, pool, {
          detail:
            days <= 0
              ? `${info.osSku} retired on ${
                  info.retirementDate
                }: no new node images or patches${
                  info.imageDeletionDate
                    ? `; images are deleted on ${info.imageDeletionDate}`
                    : ''
                }.`
              : `${info.osSku} retires on ${info.retirementDate}, in ${days} days.`,
        }),
      );
    }
  }
  const remediation = (evidence: Evidence[]) => {
    const successor = pools.find(pool => pool.pool.name === evidence[0].pool)
      ?.osSkuInfo?.successor;
    return {
      summary: successor
        ? `Add a ${successor} pool, make the images run on it (see upgrade-path), move the workload and delete the old pool.`
        : 'Move the workload to a pool with a supported OS SKU.',
    };
  };
  if (failing.length > 0) {
    return result(
      ID,
      'fail',
      failing.map(e => e.detail).join(' '),
      failing,
      remediation(failing),
    );
  }
  if (warning.length > 0) {
    return result(
      ID,
      'warn',
      warning.map(e => e.detail).join(' '),
      warning,
      remediation(warning),
    );
  }
  if (unknown.length > 0) {
    const skus = [...new Set(unknown.map(e => e.osSku ?? '(none)'))];
    return result(
      ID,
      'unknown',
      unknown.map(e => e.detail).join(' '),
      unknown,
      {
        summary: `To settle it: add ${skus.join(
          ', ',
        )} to windowsReadiness.osSkus with its retirement dates, or give the pools their osSku.`,
      },
    );
  }
  return result(
    ID,
    'pass',
    `No pool the workload runs on retires within ${context.retirementWarningDays} days.`,
  );
}
