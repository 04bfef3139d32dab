import type { ImagePlatform } from '@winready/plugin-windows-readiness-common';
import {
  Descriptor,
  PushTarget,
  RegistryPusher,
  indexPlatform,
} from './registryPusher';

export type { PushTarget } from './registryPusher';

export interface PushedImage {
  /** `127.0.0.1:port/repo:tag` */
  reference: string;
  /** Digest of the top manifest or index. */
  digest: string;
  /** What describe() should answer. */
  platforms: ImagePlatform[];
  mediaType: string;
}

export const WS2019: ImagePlatform = {
  os: 'windows',
  architecture: 'amd64',
  osVersion: '10.0.17763.6532',
  osFeatures: ['win32k'],
};
export const WS2022: ImagePlatform = {
  os: 'windows',
  architecture: 'amd64',
  osVersion: '10.0.20348.2849',
  osFeatures: ['win32k'],
};
export const LINUX_AMD64: ImagePlatform = {
  os: 'linux',
  architecture: 'amd64',
};
export const LINUX_ARM64: ImagePlatform = {
  os: 'linux',
  architecture: 'arm64',
  variant: 'v8',
};

export interface TestImages {
  /** OCI index: Windows 17763 and 20348 entries plus a BuildKit attestation entry. */
  windowsIndex: PushedImage;
  /** Single OCI manifest, Windows 20348. */
  windowsSingle: PushedImage;
  /** Single Docker v2 manifest, Linux amd64. */
  linux: PushedImage;
  /** Docker manifest list: Linux amd64, Linux arm64/v8, Windows 17763. */
  dockerList: PushedImage;
}

/** Pushes the four kinds of test image the registry client must read. */
export async function pushTestImages(target: PushTarget): Promise<TestImages> {
  const pusher = new RegistryPusher(target);
  try {
    const ref = (repo: string, tag: string) => `${target.host}/${repo}:${tag}`;
    const entry = async (
      repo: string,
      platform: ImagePlatform,
      style: 'oci' | 'docker',
    ): Promise<Descriptor> => ({
      ...(await pusher.pushImage(repo, platform, style)),
      platform: indexPlatform(platform),
    });

    const multi = 'winready/multi';
    const win2019 = await entry(multi, WS2019, 'oci');
    const attestation = await pusher.pushImage(
      multi,
      { os: 'unknown', architecture: 'unknown' },
      'oci',
    );
    const index = await pusher.pushIndex(
      multi,
      'ltsc',
      [
        win2019,
        await entry(multi, WS2022, 'oci'),
        {
          ...attestation,
          platform: { architecture: 'unknown', os: 'unknown' },
          annotations: {
            'vnd.docker.reference.digest': win2019.digest,
            'vnd.docker.reference.type': 'attestation-manifest',
          },
        },
      ],
      'oci',
    );

    const single = await pusher.pushImage(
      'winready/servercore',
      WS2022,
      'oci',
      'ltsc2022',
    );
    const linux = await pusher.pushImage(
      'winready/linux-app',
      LINUX_AMD64,
      'docker',
      '1.0',
    );

    const mixed = 'winready/mixed';
    const list = await pusher.pushIndex(
      mixed,
      '1.0',
      [
        await entry(mixed, LINUX_AMD64, 'docker'),
        await entry(mixed, LINUX_ARM64, 'docker'),
        await entry(mixed, WS2019, 'docker'),
      ],
      'docker',
    );

    return {
      windowsIndex: {
        reference: ref(multi, 'ltsc'),
        digest: index.digest,
        platforms: [WS2019, WS2022],
        mediaType: index.mediaType,
      },
      windowsSingle: {
        reference: ref('winready/servercore', 'ltsc2022'),
        digest: single.digest,
        platforms: [WS2022],
        mediaType: single.mediaType,
      },
      linux: {
        reference: ref('winready/linux-app', '1.0'),
        digest: linux.digest,
        platforms: [LINUX_AMD64],
        mediaType: linux.mediaType,
      },
      dockerList: {
        reference: ref(mixed, '1.0'),
        digest: list.digest,
        platforms: [LINUX_AMD64, LINUX_ARM64, WS2019],
        mediaType: list.mediaType,
      },
    };
  } finally {
    await pusher.close();
  }
}
