import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import {
  imageFitsPool,
  type Fit,
  type ImageFacts,
} from '../analysis/imageFacts';
import type { CheckResult, Evidence } from '../model';
import { rebuildRemediation } from './remediation';
import {
  imageBuilds,
  names,
  objectRef,
  poolBuild,
  result,
  type CheckContext,
} from './context';

const ID = 'image-os-build';

function whyNotFit(fit: Fit, image: ImageFacts): string {
  if (fit === 'unknown' && image.known) return 'The pool build is unknown.';
  if (fit === 'unknown') {
    return `The registry has no platform data for this image${
      image.error ? `: ${image.error}` : ''
    }.`;
  }
  return image.windows
    ? 'No Windows platform of this image can start on this build (process isolation).'
    : 'The image has no Windows platform.';
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
  if (windowsPools.length === 0) {
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

  const evidence: Evidence[] = [];
  // A pool of unknown build leaves the verdict open only if pods can land there.
  let undecided = false;
  for (const pool of windowsPools) {
    for (const image of images) {
      const fit = imageFitsPool(image, pool);
      if (fit === 'unknown' && analysis.eligible.includes(pool)) {
        undecided = true;
      }
      if (fit === 'yes') continue;
      evidence.push({
        cluster: workload.cluster,
        pool: pool.name,
        object: objectRef(workload),
        image: image.reference,
        imageBuilds: imageBuilds(image),
        poolBuild: poolBuild(pool),
        osSku: pool.osSku,
        detail: whyNotFit(fit, image),
      });
    }
  }
  if (undecided) {
    return result(
      ID,
      'unknown',
      `Cannot tell whether the images start on ${names(
        windowsPools,
      )}: some image or pool build is unknown.`,
      evidence,
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
