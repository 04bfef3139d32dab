import { windowsBuildName } from '../catalog/windowsBuilds';
import {
  WindowsVersion,
  formatWindowsVersion,
} from '../versions/windowsVersion';

/** Whether a container of one Windows version can run on a host of another. */
export interface CompatVerdict {
  /** The runtime would start it (containerd/hcsshim would not refuse). */
  starts: boolean;
  /** Microsoft supports the combination. */
  supported: boolean;
  reason: string;
}

/** Windows Server 2016: the one build that needs matching revisions. */
const WS2016 = 14393;
/** Windows Server 2025, the second stable-ABI LTSC. */
const WS2025 = 26100;
/** Hosts below this build run only their own build. */
const FIRST_STABLE_ABI_BUILD = 20348;
/**
 * LTSC releases with the stable container ABI, ascending, as in
 * containerd/platforms `compatLTSCReleases`.
 */
export const STABLE_ABI_LTSC_BUILDS: readonly number[] = [
  FIRST_STABLE_ABI_BUILD,
  WS2025,
];

/**
 * The lowest image build a stable-ABI host (20348+) starts: the LTSC before
 * the host's LTSC generation, or 20348 itself for the first generation.
 */
function lowestImageBuild(hostBuild: number): number {
  const generation = STABLE_ABI_LTSC_BUILDS.reduce(
    (found, ltsc, index) => (hostBuild >= ltsc ? index : found),
    0,
  );
  return STABLE_ABI_LTSC_BUILDS[Math.max(generation - 1, 0)];
}

/**
 * The range of image builds process isolation starts on a host build,
 * inclusive, as containerd/platforms `checkWindowsHostAndContainerCompat`
 * decides it.
 */
export function imageBuildsForHost(hostBuild: number): {
  min: number;
  max: number;
} {
  if (hostBuild < FIRST_STABLE_ABI_BUILD) {
    return { min: hostBuild, max: hostBuild };
  }
  return { min: lowestImageBuild(hostBuild), max: hostBuild };
}

function label(v: WindowsVersion): string {
  return `${windowsBuildName(v.build)}, ${formatWindowsVersion(v)}`;
}

function range(builds: { min: number; max: number }): string {
  return builds.min === builds.max
    ? `build ${builds.min} only`
    : `builds ${builds.min} to ${builds.max}`;
}

function sameMajorMinor(host: WindowsVersion, image: WindowsVersion): boolean {
  return host.major === image.major && host.minor === image.minor;
}

/**
 * Decides whether a process-isolated container of `image`'s version starts on
 * `host`, as containerd/platforms and hcsshim do: equal major.minor; below
 * 20348 the exact build; from 20348 the previous LTSC up to the host build.
 * Revisions are never compared by the runtime, but Microsoft supports
 * Windows Server 2016 only when host and image revisions match.
 */
export function processIsolationVerdict(
  host: WindowsVersion,
  image: WindowsVersion,
): CompatVerdict {
  const pair = `image ${label(image)} on host ${label(host)}`;
  if (!sameMajorMinor(host, image)) {
    return {
      starts: false,
      supported: false,
      reason: `${pair}: major.minor differ, the runtime refuses it`,
    };
  }
  const builds = imageBuildsForHost(host.build);
  const allowed = range(builds);
  if (image.build < builds.min || image.build > builds.max) {
    return {
      starts: false,
      supported: false,
      reason: `${pair}: this host starts ${allowed} under process isolation`,
    };
  }
  if (host.build === WS2016) {
    if (host.revision === undefined || image.revision === undefined) {
      return {
        starts: true,
        supported: true,
        reason: `${pair}: it starts; Windows Server 2016 is supported only with matching revisions, which cannot be checked here`,
      };
    }
    if (host.revision !== image.revision) {
      return {
        starts: true,
        supported: false,
        reason: `${pair}: it starts, but Microsoft supports Windows Server 2016 only when host and image revisions match`,
      };
    }
  }
  // containerd floors a post-26100 host at 20348, hcsshim's copy at 26100.
  const disputed = host.build > WS2025 && image.build < WS2025;
  const hcsshimAllowed = range({ min: WS2025, max: host.build });
  return {
    starts: true,
    supported: true,
    reason: disputed
      ? `${pair}: containerd starts it (${allowed}); hcsshim's copy of the rule starts ${hcsshimAllowed} only`
      : `${pair}: this host starts ${allowed}`,
  };
}

/**
 * Hyper-V isolation gives each container its own kernel, so a host runs
 * images of its own build or older. AKS does not offer it (process only).
 */
export function hyperVIsolationVerdict(
  host: WindowsVersion,
  image: WindowsVersion,
): CompatVerdict {
  const pair = `image ${label(image)} on host ${label(host)}`;
  if (!sameMajorMinor(host, image)) {
    return {
      starts: false,
      supported: false,
      reason: `${pair}: major.minor differ`,
    };
  }
  if (image.build > host.build) {
    return {
      starts: false,
      supported: false,
      reason: `${pair}: Hyper-V isolation runs only images of the host's build or older`,
    };
  }
  return {
    starts: true,
    supported: true,
    reason: `${pair}: Hyper-V isolation runs images of the host's build or older (AKS offers process isolation only)`,
  };
}
