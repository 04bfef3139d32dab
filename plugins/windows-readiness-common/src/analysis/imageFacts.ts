import type { ImagePlatform } from '../compat/imagePlatforms';
import {
  hasLinuxPlatform,
  isWindowsImage,
  platformForWindowsHost,
} from '../compat/imagePlatforms';
import type { ImageCatalog } from '../images/imageReference';
import type { PodSpec } from '../model';
import type { PoolProfile } from '../scheduling/poolProfile';

/** What the registry says about one image of a workload. */
export interface ImageFacts {
  reference: string;
  known: boolean;
  platforms: ImagePlatform[];
  windows: boolean;
  linux: boolean;
  /** Every container that runs it is a HostProcess container (rule 3). */
  hostProcess: boolean;
  error?: string;
}

export function imageFacts(
  reference: string,
  catalog: ImageCatalog,
  hostProcess: boolean = false,
): ImageFacts {
  const record = catalog.get(reference);
  const platforms = Array.isArray(record?.platforms) ? record!.platforms : [];
  const known = !!record && !record.error && platforms.length > 0;
  return {
    reference,
    known,
    platforms,
    windows: known && isWindowsImage(platforms),
    linux: known && hasLinuxPlatform(platforms),
    hostProcess,
    error: record?.error,
  };
}

/** Known to have Windows platforms and no Linux one. */
export function isWindowsOnly(image: ImageFacts): boolean {
  return image.known && image.windows && !image.linux;
}

/**
 * Images whose every container is a HostProcess container: the pod's
 * `securityContext.windowsOptions.hostProcess`, or the container's own.
 */
export function hostProcessImages(spec: PodSpec): Set<string> {
  const podLevel = spec.securityContext?.windowsOptions?.hostProcess === true;
  const verdict = new Map<string, boolean>();
  for (const container of [
    ...(spec.initContainers ?? []),
    ...(spec.containers ?? []),
  ]) {
    if (typeof container?.image !== 'string' || !container.image) continue;
    const own = container.securityContext?.windowsOptions?.hostProcess;
    const isHostProcess = own ?? podLevel;
    verdict.set(
      container.image,
      (verdict.get(container.image) ?? true) && isHostProcess === true,
    );
  }
  return new Set(
    [...verdict].filter(([, exempt]) => exempt).map(([image]) => image),
  );
}

export type Fit = 'yes' | 'no' | 'unknown';

function ofArchitecture(platform: ImagePlatform, architecture: string) {
  return !platform.architecture || platform.architecture === architecture;
}

/** Can the container runtime of this pool start this image? */
export function imageFitsPool(image: ImageFacts, pool: PoolProfile): Fit {
  if (!image.known) return 'unknown';
  const architecture = pool.labels['kubernetes.io/arch'] ?? 'amd64';
  if (pool.osType !== 'Windows') {
    return image.platforms.some(
      platform =>
        platform.os === 'linux' && ofArchitecture(platform, architecture),
    )
      ? 'yes'
      : 'no';
  }
  if (!image.windows) return 'no';
  // An entry without os.version fits any build, and a HostProcess container
  // runs on the host whatever os.version its image lists: try before asking
  // the build.
  const anyBuild = image.platforms.some(
    platform =>
      platform.os === 'windows' &&
      (image.hostProcess || !platform.osVersion) &&
      ofArchitecture(platform, architecture),
  );
  if (anyBuild) return 'yes';
  if (!pool.hostBuild) return 'unknown';
  return platformForWindowsHost(image.platforms, pool.hostBuild, architecture)
    ? 'yes'
    : 'no';
}

/** A pool fits a workload when every image fits; unknown wins over yes. */
export function poolFit(images: readonly ImageFacts[], pool: PoolProfile): Fit {
  const fits = images.map(image => imageFitsPool(image, pool));
  if (fits.includes('no')) return 'no';
  if (fits.includes('unknown') || fits.length === 0) return 'unknown';
  return 'yes';
}
