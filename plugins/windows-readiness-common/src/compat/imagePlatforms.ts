import type { ImagePlatform } from '../model';

export type { ImagePlatform };
import { WindowsVersion, parseOsVersion } from '../versions/windowsVersion';
import { processIsolationVerdict } from './processIsolation';

/** One platform entry of an image (index `manifests[].platform` or config). */
// The aliases containerd's platforms.Normalize folds into the OCI names.
const ARCHITECTURE_ALIASES: Record<string, string> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
};

function normalizeArchitecture(architecture: string): string {
  const lower = architecture.toLowerCase();
  return ARCHITECTURE_ALIASES[lower] ?? lower;
}

function isOs(platform: ImagePlatform, os: string): boolean {
  return typeof platform?.os === 'string' && platform.os.toLowerCase() === os;
}

function compareVersions(a: WindowsVersion, b: WindowsVersion): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.build - b.build ||
    (a.revision ?? 0) - (b.revision ?? 0)
  );
}

/**
 * The platform entry containerd would pick on a Windows host under process
 * isolation: Windows entries of the architecture whose `os.version` the host
 * starts, or that have none (they fit any host, as HostProcess images do).
 * Among those it prefers the highest `os.version`, entries without one last;
 * ties keep the image's order. An unreadable `os.version` never matches,
 * as in containerd. Undefined when nothing fits.
 */
export function platformForWindowsHost(
  platforms: readonly ImagePlatform[],
  host: WindowsVersion,
  architecture: string = 'amd64',
): ImagePlatform | undefined {
  const wanted = normalizeArchitecture(architecture);
  let best: { platform: ImagePlatform; version?: WindowsVersion } | undefined;
  for (const platform of platforms) {
    if (
      !isOs(platform, 'windows') ||
      typeof platform.architecture !== 'string' ||
      normalizeArchitecture(platform.architecture) !== wanted
    ) {
      continue;
    }
    let version: WindowsVersion | undefined;
    if (platform.osVersion !== undefined && platform.osVersion !== '') {
      version = parseOsVersion(platform.osVersion);
      if (!version || !processIsolationVerdict(host, version).starts) {
        continue;
      }
    }
    const better =
      !best ||
      (version !== undefined &&
        (best.version === undefined ||
          compareVersions(version, best.version) > 0));
    if (better) {
      best = { platform, version };
    }
  }
  return best?.platform;
}

/** Whether the image has a Windows platform entry. */
export function isWindowsImage(platforms: readonly ImagePlatform[]): boolean {
  return platforms.some(platform => isOs(platform, 'windows'));
}

/** Whether the image has a Linux platform entry. */
export function hasLinuxPlatform(platforms: readonly ImagePlatform[]): boolean {
  return platforms.some(platform => isOs(platform, 'linux'));
}
