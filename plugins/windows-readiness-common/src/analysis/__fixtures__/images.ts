import type { ImageRecord } from '../../model';

/**
 * Registry answers as real indexes give them, each with where it was read.
 */

/**
 * `golang:1.25`: an official multi-OS tag. Platforms as docker-library/
 * repo-info `repos/golang/remote/1.25.md` (commit 01b535c016d0) lists them,
 * with the two attestation entries it shows as `unknown; unknown`.
 * (`mcr.microsoft.com/dotnet/aspnet:8.0` is no longer one: since .NET 8 the
 * `8.0` tag is Linux-only, dotnet/docs#35955 and dotnet/dotnet-docker#4492.)
 */
export const GOLANG_1_25 = 'docker.io/library/golang:1.25';
export const GOLANG_1_25_INDEX: ImageRecord = {
  platforms: [
    { os: 'linux', architecture: 'amd64' },
    { os: 'unknown', architecture: 'unknown' },
    { os: 'linux', architecture: 'arm', variant: 'v7' },
    { os: 'unknown', architecture: 'unknown' },
    { os: 'linux', architecture: 'arm64', variant: 'v8' },
    { os: 'linux', architecture: '386' },
    { os: 'linux', architecture: 'ppc64le' },
    { os: 'linux', architecture: 'riscv64' },
    { os: 'linux', architecture: 's390x' },
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.26100.33158' },
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.5386' },
  ],
};

/**
 * `registry.k8s.io/pause:3.8`, the sandbox image of a pod: the manifest list
 * recorded in aceeric/ociregistry `impl/preload/preload_test.go`.
 */
export const PAUSE_3_8 = 'registry.k8s.io/pause:3.8';
export const PAUSE_3_8_INDEX: ImageRecord = {
  platforms: [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm', variant: 'v7' },
    { os: 'linux', architecture: 'arm64' },
    { os: 'linux', architecture: 'ppc64le' },
    { os: 'linux', architecture: 's390x' },
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.2928' },
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.19042.1706' },
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.707' },
  ],
};

/** A Linux-only official image (nginx lists no Windows platform). */
export const NGINX = 'docker.io/library/nginx:1.27';
export const NGINX_INDEX: ImageRecord = {
  platforms: [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64', variant: 'v8' },
  ],
};

/** A single-build Windows Server 2022 image (ltsc2022 base). */
export const APP_LTSC2022 = 'contoso.azurecr.io/app:7.2-ltsc2022';
export const APP_LTSC2022_INDEX: ImageRecord = {
  platforms: [
    {
      os: 'windows',
      architecture: 'amd64',
      osVersion: '10.0.20348.4294',
      osFeatures: ['win32k'],
    },
  ],
};

/**
 * A HostProcess image built FROM nanoserver:1809, as kubernetes-csi/csi-proxy
 * `image/build-container-image.sh` builds `csi-proxy:<v>-1809`: its platform
 * carries the base's os.version (here the 1809 build of pause:3.8 above).
 */
export const CSI_PROXY_1809 =
  'registry.k8s.io/sig-storage/csi-proxy:v1.1.3-1809';
export const CSI_PROXY_1809_INDEX: ImageRecord = {
  platforms: [
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.2928' },
  ],
};

/**
 * An image the registry would not describe, recorded as the node package's
 * registry client words a 401 (registryFetcher.ts statusError).
 */
export const APP_UNAUTHORIZED = 'contoso.azurecr.io/app:7.3';
export const APP_UNAUTHORIZED_RECORD: ImageRecord = {
  platforms: [],
  error:
    'contoso.azurecr.io answered 401 Unauthorized for manifest app:7.3: no credentials are configured for contoso.azurecr.io (UNAUTHORIZED: authentication required)',
};

/** Every record above, as a fleet's `images`. */
export const REAL_IMAGES: Record<string, ImageRecord> = {
  [GOLANG_1_25]: GOLANG_1_25_INDEX,
  [PAUSE_3_8]: PAUSE_3_8_INDEX,
  [NGINX]: NGINX_INDEX,
  [APP_LTSC2022]: APP_LTSC2022_INDEX,
  [CSI_PROXY_1809]: CSI_PROXY_1809_INDEX,
  [APP_UNAUTHORIZED]: APP_UNAUTHORIZED_RECORD,
};
