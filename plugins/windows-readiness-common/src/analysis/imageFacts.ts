import type { ImagePlatform } from '../compat/imagePlatforms';
import {
  hasLinuxPlatform,
  isWindowsImage,
  platformForWindowsHost,
} from '../compat/imagePlatforms';
import type { ImageCatalog } from '../images/imageReference';
import type { PoolProfile } from '../scheduling/poolProfile';

/** What the registry says about one image of a workload. */
export interface ImageFacts {
  reference: string;
  known: boolean;
  platforms: ImagePlatform[];
  windows: boolean;
  linux: boolean;
  error?: string;
}

export function imageFacts(
  reference: string,
  catalog: ImageCatalog,
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
    error: record?.error,
  };
}

export type Fit = 'yes' | 'no' | 'unknown';

/** Can the container runtime of this pool start this image? */
export function imageFitsPool(image: ImageFacts, pool: PoolProfile): Fit {
  if (!image.known) return 'unknown';
  const architecture = pool.labels['kubernetes.io/arch'] ?? 'amd64';
  if (pool.osType !== 'Windows') {
    return image.platforms.some(
      platform =>
        platform.os === 'linux' &&
        (!platform.architecture || platform.architecture === architecture),
    )
      ? 'yes'
      : 'no';
  }
  if (!image.windows) return 'no';
  // An entry without os.version fits any build, so try before asking the build.
  const anyBuild = image.platforms.some(
    platform =>
      platform.os === 'windows' &&
      !platform.osVersion &&
      (!platform.architecture || platform.architecture === architecture),
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
