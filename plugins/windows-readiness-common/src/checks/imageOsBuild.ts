import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import {
  imageFitsPool,
  type Fit,
  type ImageFacts,
} from '../analysis/imageFacts';
import type { CheckResult, Evidence } from '../model';
import type { PoolProfile } from '../scheduling/poolProfile';
import { rebuildRemediation } from './remediation';
import {
  imageBuilds,
  names,
  objectRef,
  poolBuild,
  result,
  type CheckContext,
} from './context';
import {
  imageUnknownDetail,
  imageUnknownReason,
  joinReasons,
  poolBuildUnknownReason,
  settleSummary,
} from './unknownReasons';

const ID = 'image-os-build';

function whyNotFit(fit: Fit, image: ImageFacts, pool: PoolProfile): string {
  if (fit === 'unknown' && image.known) return poolBuildUnknownReason(pool);
  if (fit === 'unknown') return imageUnknownDetail(image);
  return image.windows
    ? 'No Windows platform of this image can start on this build (process isolation).'
    : 'The image has no Windows platform.';
}

function unknownImages(analysis: WorkloadAnalysis): ImageFacts[] {
  return analysis.images.filter(image => !image.known);
}

/** Rule 1 and 2: nothing settles whether the workload runs Windows containers. */
function undecided(analysis: WorkloadAnalysis): CheckResult {
  const { workload } = analysis;
  const images = unknownImages(analysis);
  const reasons = images.map(imageUnknownReason);
  return result(
    ID,
    'unknown',
    `Cannot tell whether ${objectRef(
      workload,
    )} runs Windows containers: its node selection does not settle the OS and ${joinReasons(
      reasons,
    )}.`,
    images.map(image => ({
      cluster: workload.cluster,
      object: objectRef(workload),
      image: image.reference,
      detail: imageUnknownDetail(image),
    })),
    { summary: settleSummary(images) },
  );
}

function noWindowsPoolSelected(analysis: WorkloadAnalysis): CheckResult {
  const { workload } = analysis;
  const clusterWindows = analysis.pools.filter(p => p.osType === 'Windows');
  const selector = Object.entries(analysis.nodeSelector)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return result(
    ID,
    'fail',
    `No Windows pool in ${
      workload.cluster
    } matches the workload's node selection${
      selector ? ` (nodeSelector ${selector})` : ''
    }; the cluster's Windows pools: ${
      clusterWindows
        .map(p => `${p.name} (${poolBuild(p) ?? 'unknown build'})`)
        .join(', ') || 'none'
    }.`,
    clusterWindows.map(pool => ({
      cluster: workload.cluster,
      pool: pool.name,
      object: objectRef(workload),
      poolBuild: poolBuild(pool),
      osSku: pool.osSku,
      detail: 'Not selected by the workload.',
    })),
    clusterWindows[0]?.hostBuild
      ? rebuildRemediation(clusterWindows[0].hostBuild.build)
      : undefined,
  );
}

/** Fails when no selected Windows pool can start every image under process isolation. */
export function checkImageOsBuild(
  analysis: WorkloadAnalysis,
  _context: CheckContext,
): CheckResult {
  const { workload, selected, compatible, images } = analysis;
  if (analysis.missingRuntimeClass) {
    return result(
      ID,
      'fail',
      `RuntimeClass "${analysis.missingRuntimeClass}" does not exist in ${workload.cluster}: the pods are rejected at admission.`,
      [{ cluster: workload.cluster, object: objectRef(workload) }],
    );
  }
  if (analysis.windows === 'unknown') return undecided(analysis);
  const windowsPools = selected.filter(pool => pool.osType === 'Windows');
  const good = compatible.filter(pool => pool.osType === 'Windows');
  if (good.length > 0) {
    return result(
      ID,
      'pass',
      `Every image starts on Windows pool(s) ${names(good)}.`,
      good.map(pool => ({
        cluster: workload.cluster,
        pool: pool.name,
        object: objectRef(workload),
        poolBuild: poolBuild(pool),
      })),
    );
  }
  if (windowsPools.length === 0) return noWindowsPoolSelected(analysis);

  const evidence: Evidence[] = [];
  const reasons: string[] = [];
  const undescribed = new Set<ImageFacts>();
  const unknownBuilds = new Set<PoolProfile>();
  for (const pool of windowsPools) {
    const fits = images.map(image => imageFitsPool(image, pool));
    // A known image that cannot start there settles the pool, whatever else.
    const settledNo = fits.includes('no');
    images.forEach((image, index) => {
      const fit = fits[index];
      if (fit === 'yes') return;
      // Rule 2: an unknown image leaves every pool open, eligible or not;
      // an unknown build only where the pods can land.
      if (
        fit === 'unknown' &&
        !settledNo &&
        (!image.known || analysis.eligible.includes(pool))
      ) {
        reasons.push(
          image.known
            ? poolBuildUnknownReason(pool)
            : imageUnknownReason(image),
        );
        if (image.known) unknownBuilds.add(pool);
        else undescribed.add(image);
      }
      evidence.push({
        cluster: workload.cluster,
        pool: pool.name,
        object: objectRef(workload),
        image: image.reference,
        imageBuilds: imageBuilds(image),
        poolBuild: poolBuild(pool),
        osSku: pool.osSku,
        detail: whyNotFit(fit, image, pool),
      });
    });
  }
  if (reasons.length > 0) {
    return result(
      ID,
      'unknown',
      `Cannot tell whether the images start on ${names(
        windowsPools,
      )}: ${joinReasons(reasons)}.`,
      evidence,
      { summary: settleSummary([...undescribed], [...unknownBuilds]) },
    );
  }
  const target = windowsPools.find(pool => pool.hostBuild);
  return result(
    ID,
    'fail',
    `No selected Windows pool can start the images: ${evidence
      .map(
        e =>
          `${e.image} [${e.imageBuilds?.join(', ') || 'no Windows build'}] on ${
            e.pool
          } (${e.poolBuild ?? 'unknown build'})`,
      )
      .join(
        '; ',
      )}. The pods fail with "The container operating system does not match the host operating system".`,
    evidence,
    target ? rebuildRemediation(target.hostBuild!.build) : undefined,
  );
}
