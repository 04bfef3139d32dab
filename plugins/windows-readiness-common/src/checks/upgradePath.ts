import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import { imageFitsPool } from '../analysis/imageFacts';
import type { CheckResult, Evidence } from '../model';
import { findOsSku } from '../catalog/osSkus';
import type { PoolProfile } from '../scheduling/poolProfile';
import { rebuildRemediation } from './remediation';
import {
  imageBuilds,
  names,
  poolEvidence,
  result,
  type CheckContext,
} from './context';
import {
  imageUnknownReason,
  joinReasons,
  settleSummary,
} from './unknownReasons';

const ID = 'upgrade-path';

/** The same pool as it would be after a move to another OS SKU. */
export function poolOnOsSku(
  pool: PoolProfile,
  osSku: string,
  context: CheckContext,
): PoolProfile {
  const info = findOsSku(context.osSkus, osSku);
  return {
    ...pool,
    osSku,
    osSkuInfo: info,
    hostBuild: info?.build
      ? { major: 10, minor: 0, build: info.build }
      : undefined,
    hostBuildSource: info?.build ? 'osSku' : undefined,
  };
}

/** Warns when the images have no platform for the successor OS SKU of a pool the workload runs on. */
export function checkUpgradePath(
  analysis: WorkloadAnalysis,
  context: CheckContext,
): CheckResult {
  const { workload, images } = analysis;
  const pools = analysis.runsOn.filter(pool => pool.osType === 'Windows');
  const unknownImages = images.filter(image => !image.known);
  if (pools.length === 0) {
    // Rule 2: without platforms, where it would run is unknown too.
    const open = analysis.eligible.filter(
      pool => pool.osType === 'Windows' && pool.osSkuInfo?.successor,
    );
    if (unknownImages.length > 0 && open.length > 0) {
      const reasons = joinReasons(unknownImages.map(imageUnknownReason));
      return result(
        ID,
        'unknown',
        `Cannot tell whether the images run on the next OS SKU of ${names(
          open,
        )}: ${reasons}.`,
        open.map(pool => poolEvidence(workload, pool)),
        { summary: settleSummary(unknownImages) },
      );
    }
    return result(ID, 'skip', 'The workload runs on no Windows pool.');
  }
  const blocked: Evidence[] = [];
  const undecided: Evidence[] = [];
  let targetBuild: number | undefined;
  const successors: string[] = [];
  for (const pool of pools) {
    const successor = pool.osSkuInfo?.successor;
    if (!successor) continue;
    successors.push(`${pool.name} → ${successor}`);
    const next = poolOnOsSku(pool, successor, context);
    for (const image of images) {
      const fit = imageFitsPool(image, next);
      if (fit === 'yes') continue;
      const evidence = poolEvidence(workload, next, {
        image: image.reference,
        imageBuilds: imageBuilds(image),
        detail: `After ${pool.name} moves from ${pool.osSku} to ${successor}.`,
      });
      if (fit === 'unknown') undecided.push(evidence);
      else {
        blocked.push(evidence);
        targetBuild ??= next.hostBuild?.build;
      }
    }
  }
  if (successors.length === 0) {
    return result(
      ID,
      'pass',
      'No pool the workload runs on has a successor OS SKU to move to.',
    );
  }
  if (blocked.length > 0) {
    return result(
      ID,
      'warn',
      `The images have no platform for the next OS SKU (${successors.join(
        ', ',
      )}): ${[...new Set(blocked.map(e => e.image))].join(', ')}.`,
      blocked,
      targetBuild
        ? {
            ...rebuildRemediation(targetBuild),
            summary: `Publish a multi-platform image that adds an entry for 10.0.${targetBuild}, so that the pods run before and after the move.`,
          }
        : undefined,
    );
  }
  if (undecided.length > 0) {
    const reasons =
      joinReasons(unknownImages.map(imageUnknownReason)) ||
      'the OS SKU table gives no build for the next OS SKU: add it to windowsReadiness.osSkus';
    return result(
      ID,
      'unknown',
      `Cannot tell whether the images run on the next OS SKU (${successors.join(
        ', ',
      )}): ${reasons}.`,
      undecided,
      {
        summary:
          unknownImages.length > 0
            ? settleSummary(unknownImages)
            : `To settle it: ${reasons}.`,
      },
    );
  }
  return result(
    ID,
    'pass',
    `The images also run on the next OS SKU (${successors.join(', ')}).`,
  );
}
