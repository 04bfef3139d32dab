/** What a Windows build number (`10.0.<build>`) stands for. */
export interface WindowsBuildInfo {
  build: number;
  /** Product name, without the build: `Windows Server 2019`. */
  name: string;
  /** Servicing channel; `Client` builds ship no Server base images. */
  channel: 'LTSC' | 'SAC' | 'Annual' | 'Client';
  /** MCR base-image tags built on this build (servercore, nanoserver...). */
  baseImageTags: string[];
  /** Where the figures come from, so they can be checked again. */
  source: string;
}

const HCSSHIM = 'microsoft/hcsshim osversion/windowsbuilds.go (H)';
const CONTAINERD = 'containerd/platforms build constants (H)';
const RELEASE_INFO = 'Microsoft Windows release-information pages (M)';

// Section 2 of docs/windows-containers-on-aks.md, one row per build.
export const WINDOWS_BUILDS: readonly WindowsBuildInfo[] = [
  {
    build: 14393,
    name: 'Windows Server 2016',
    channel: 'LTSC',
    baseImageTags: ['ltsc2016', '1607'],
    source: `${HCSSHIM}: RS1, WS2016 / Windows 10 1607`,
  },
  {
    build: 15063,
    name: 'Windows 10 1703',
    channel: 'Client',
    baseImageTags: [],
    source: `${HCSSHIM}: RS2, client only`,
  },
  {
    build: 16299,
    name: 'Windows Server 1709',
    channel: 'SAC',
    baseImageTags: ['1709'],
    source: `${HCSSHIM}: RS3, WS 1709 SAC / Windows 10 1709`,
  },
  {
    build: 17134,
    name: 'Windows Server 1803',
    channel: 'SAC',
    baseImageTags: ['1803'],
    source: `${HCSSHIM}: RS4, WS 1803 SAC / Windows 10 1803`,
  },
  {
    build: 17763,
    name: 'Windows Server 2019',
    channel: 'LTSC',
    baseImageTags: ['ltsc2019', '1809'],
    source: `${HCSSHIM}: RS5, WS2019 / WS 1809 / Windows 10 1809`,
  },
  {
    build: 18362,
    name: 'Windows Server 1903',
    channel: 'SAC',
    baseImageTags: ['1903'],
    source: `${HCSSHIM}: V19H1, WS 1903 SAC`,
  },
  {
    build: 18363,
    name: 'Windows Server 1909',
    channel: 'SAC',
    baseImageTags: ['1909'],
    source: `${HCSSHIM}: V19H2, WS 1909 SAC`,
  },
  {
    build: 19041,
    name: 'Windows Server 2004',
    channel: 'SAC',
    baseImageTags: ['2004'],
    source: `${HCSSHIM}: V20H1, WS 2004 SAC`,
  },
  {
    build: 19042,
    name: 'Windows Server 20H2',
    channel: 'SAC',
    baseImageTags: ['20H2'],
    source: `${HCSSHIM}: V20H2, WS 20H2, the last SAC release`,
  },
  {
    build: 19043,
    name: 'Windows 10 21H1',
    channel: 'Client',
    baseImageTags: [],
    source: `${HCSSHIM}: V21H1; Windows 10 21H1, no Server base image`,
  },
  {
    build: 19044,
    name: 'Windows 10 21H2',
    channel: 'Client',
    baseImageTags: [],
    source: `${HCSSHIM}: V21H2Win10, client only`,
  },
  {
    build: 19045,
    name: 'Windows 10 22H2',
    channel: 'Client',
    baseImageTags: [],
    source: `${HCSSHIM}: V22H2Win10, client only`,
  },
  {
    build: 20348,
    name: 'Windows Server 2022',
    channel: 'LTSC',
    baseImageTags: ['ltsc2022'],
    source: `${HCSSHIM}: V21H2Server / LTSC2022; ${CONTAINERD}: ltsc2022`,
  },
  {
    build: 22000,
    name: 'Windows 11 21H2',
    channel: 'Client',
    baseImageTags: [],
    source: `${HCSSHIM}: V21H2Win11, client only`,
  },
  {
    build: 22621,
    name: 'Windows 11 22H2',
    channel: 'Client',
    baseImageTags: [],
    source: `${HCSSHIM}: V22H2Win11; ${CONTAINERD}: v22H2Win11`,
  },
  {
    build: 22631,
    name: 'Windows 11 23H2',
    channel: 'Client',
    baseImageTags: [],
    source: `${RELEASE_INFO}: Windows 11 23H2, client only`,
  },
  {
    build: 25398,
    name: 'Windows Server Annual Channel 23H2',
    channel: 'Annual',
    // A container host only: no base images of its own, it runs ltsc2022.
    baseImageTags: [],
    source: `${CONTAINERD}: v23H2 = 25398, the annual channel 23H2`,
  },
  {
    build: 26100,
    name: 'Windows Server 2025',
    channel: 'LTSC',
    baseImageTags: ['ltsc2025'],
    source:
      `${HCSSHIM}: V25H1Server / LTSC2025; ${CONTAINERD}: ltsc2025 = 26100; ` +
      'GA 2024-11-01 per gitlab-runner#38316; also Windows 11 24H2',
  },
  {
    build: 26200,
    name: 'Windows 11 25H2',
    channel: 'Client',
    baseImageTags: [],
    source: `${RELEASE_INFO}; mentioned by containerd (WS2025 generation)`,
  },
];

const BY_BUILD: ReadonlyMap<number, WindowsBuildInfo> = new Map(
  WINDOWS_BUILDS.map(info => [info.build, info]),
);

/** The catalog entry of a build, or undefined for a build it does not list. */
export function describeWindowsBuild(
  build: number,
): WindowsBuildInfo | undefined {
  return BY_BUILD.get(build);
}

/** `Windows Server 2019 (17763)`, or `build 12345` for an unlisted build. */
export function windowsBuildName(build: number): string {
  const info = BY_BUILD.get(build);
  return info ? `${info.name} (${build})` : `build ${build}`;
}
