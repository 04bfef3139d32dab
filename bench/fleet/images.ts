/**
 * The images services run: how Windows service images are built (which
 * builds their platforms cover), the base images' `os.version` values and
 * tags, and the shared sidecars and agents with the registry's answers.
 */
import { linux, win, type ImagePlatform } from './imagePlatforms';

/** `os.version` values of real Windows base images, by build. */
export const WINDOWS_OS_VERSIONS: Record<number, readonly string[]> = {
  17134: ['10.0.17134.1304'],
  17763: ['10.0.17763.6532', '10.0.17763.7009', '10.0.17763.7314'],
  20348: ['10.0.20348.2849', '10.0.20348.3453', '10.0.20348.4294'],
  26100: ['10.0.26100.4061', '10.0.26100.6905'],
};
export const BASE_TAG: Record<number, string> = {
  17134: '1803',
  17763: 'ltsc2019',
  20348: 'ltsc2022',
  26100: 'ltsc2025',
};

/** How a Windows service's image is built: which builds its platforms cover. */
export interface WindowsFlavour {
  name: string;
  builds: number[];
  /** Adds a linux/amd64 entry (a multi-OS image). */
  linux?: boolean;
  /** HostProcess: one Windows entry without os.version. */
  hostProcess?: boolean;
  weight: number;
}

export const WINDOWS_FLAVOURS: readonly WindowsFlavour[] = [
  { name: 'ltsc2019', builds: [17763], weight: 24 },
  { name: 'ltsc2022', builds: [20348], weight: 30 },
  { name: 'ltsc2025', builds: [26100], weight: 8 },
  { name: 'ltsc2019+ltsc2022', builds: [17763, 20348], weight: 14 },
  { name: 'ltsc2022+ltsc2025', builds: [20348, 26100], weight: 10 },
  {
    name: 'ltsc2019+ltsc2022+ltsc2025',
    builds: [17763, 20348, 26100],
    weight: 5,
  },
  { name: '1803', builds: [17134], weight: 2 },
  { name: 'hostprocess', builds: [], hostProcess: true, weight: 4 },
  { name: 'multi-os', builds: [20348], linux: true, weight: 3 },
];

/** Shared images: sidecars and agents, keyed as the registry answers for them. */
export interface SharedImage {
  reference: string;
  /** How the pod spec names it (short forms exercise normalisation). */
  asWritten?: string;
  platforms: ImagePlatform[];
}

export const LINUX_SIDECARS: readonly SharedImage[] = [
  {
    reference: 'docker.io/library/nginx:1.27',
    asWritten: 'nginx:1.27',
    platforms: [linux(), linux('arm64', 'v8'), linux('arm', 'v7')],
  },
  {
    reference: 'mcr.microsoft.com/oss/envoyproxy/envoy:v1.31.2',
    platforms: [linux(), linux('arm64')],
  },
  {
    reference: 'docker.io/otel/opentelemetry-collector-contrib:0.112.0',
    asWritten: 'otel/opentelemetry-collector-contrib:0.112.0',
    platforms: [linux(), linux('arm64')],
  },
  {
    reference: 'ghcr.io/oauth2-proxy/oauth2-proxy:v7.7.1',
    platforms: [linux(), linux('arm64')],
  },
];

// Images that serve more than one build: listed once, offered to each.
const ASPNET_48: SharedImage = {
  reference: 'mcr.microsoft.com/dotnet/framework/aspnet:4.8',
  platforms: [
    win('10.0.17763.7314', ['win32k']),
    win('10.0.20348.4294', ['win32k']),
  ],
};
const CONTAINER_INSIGHTS: SharedImage = {
  reference:
    'mcr.microsoft.com/azuremonitor/containerinsights/ciprod:win-3.1.28',
  platforms: [
    win('10.0.17763.7314'),
    win('10.0.20348.4294'),
    win('10.0.26100.6905'),
  ],
};

/** Windows sidecars by the build the service targets. */
export const WINDOWS_SIDECARS: Record<number, readonly SharedImage[]> = {
  17763: [
    ASPNET_48,
    {
      reference: 'mcr.microsoft.com/windows/servercore:ltsc2019',
      platforms: [win('10.0.17763.7314')],
    },
  ],
  20348: [
    ASPNET_48,
    {
      reference: 'mcr.microsoft.com/windows/nanoserver:ltsc2022',
      platforms: [win('10.0.20348.4294')],
    },
    CONTAINER_INSIGHTS,
  ],
  26100: [
    {
      reference: 'mcr.microsoft.com/windows/servercore:ltsc2025',
      platforms: [win('10.0.26100.6905')],
    },
    CONTAINER_INSIGHTS,
  ],
};

/** Every shared image, Linux first, for the fleet's `images` map. */
export const SHARED_IMAGES: readonly SharedImage[] = [
  ...LINUX_SIDECARS,
  ...Object.values(WINDOWS_SIDECARS).flat(),
];

/** How many distinct references pod specs use for the shared images (as written). */
export const SHARED_IMAGE_REFERENCES = new Set(
  SHARED_IMAGES.map(image => image.asWritten ?? image.reference),
).size;
