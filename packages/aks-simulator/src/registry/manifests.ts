import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type {
  ImagePlatform,
  ImageRecord,
} from '@winready/plugin-windows-readiness-common';

/**
 * Pure: the registry content of a fleet image (facts 3): per platform a
 * config blob carrying `os`, `architecture`, `os.version` and `os.features`,
 * an image manifest, and for several platforms an index whose entries carry
 * the same in `platform`. Built twice, in OCI and in Docker schema 2 media
 * types, from the same config bytes.
 */

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** Bytes the registry serves, with their media type and sha256 digest. */
export interface Content {
  mediaType: string;
  bytes: Buffer;
  digest: string;
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function content(mediaType: string, value: unknown): Content {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  return { mediaType, bytes, digest: sha256Digest(bytes) };
}

// An empty tar (two zero blocks): the tiny layer every image shares.
const LAYER_TAR = Buffer.alloc(1024);
export const LAYER: Content = (() => {
  const bytes = gzipSync(LAYER_TAR, { level: 9 });
  return {
    mediaType: MEDIA_TYPES.ociLayer,
    bytes,
    digest: sha256Digest(bytes),
  };
})();
const LAYER_DIFF_ID = sha256Digest(LAYER_TAR);

/** The OCI `platform` object of an entry (os.version, os.features, variant). */
export function platformObject(
  platform: ImagePlatform,
): Record<string, unknown> {
  return {
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.osVersion ? { 'os.version': platform.osVersion } : {}),
    ...(platform.osFeatures?.length
      ? { 'os.features': [...platform.osFeatures] }
      : {}),
    ...(platform.variant ? { variant: platform.variant } : {}),
  };
}

/** The image config blob of a platform. */
export function configBlob(platform: ImagePlatform): Content {
  return content(MEDIA_TYPES.ociConfig, {
    ...platformObject(platform),
    created: '2026-01-01T00:00:00Z',
    config: {},
    rootfs: { type: 'layers', diff_ids: [LAYER_DIFF_ID] },
    history: [{ created: '2026-01-01T00:00:00Z', created_by: 'aks-simulator' }],
  });
}

function descriptor(item: Content, mediaType = item.mediaType) {
  return { mediaType, digest: item.digest, size: item.bytes.length };
}

function imageManifest(config: Content, docker: boolean): Content {
  const types = docker
    ? [
        MEDIA_TYPES.dockerManifest,
        MEDIA_TYPES.dockerConfig,
        MEDIA_TYPES.dockerLayer,
      ]
    : [MEDIA_TYPES.ociManifest, MEDIA_TYPES.ociConfig, MEDIA_TYPES.ociLayer];
  return content(types[0], {
    schemaVersion: 2,
    mediaType: types[0],
    config: descriptor(config, types[1]),
    layers: [descriptor(LAYER, types[2])],
  });
}

function indexOf(
  manifests: Content[],
  platforms: readonly ImagePlatform[],
  docker: boolean,
): Content {
  const mediaType = docker ? MEDIA_TYPES.dockerList : MEDIA_TYPES.ociIndex;
  return content(mediaType, {
    schemaVersion: 2,
    mediaType,
    manifests: manifests.map((manifest, i) => ({
      ...descriptor(manifest),
      platform: platformObject(platforms[i]),
    })),
  });
}

/** Everything the registry serves for one image record. */
export interface ImageArtifacts {
  /** Several platforms: served as an index / manifest list. */
  multiPlatform: boolean;
  /** What a tag resolves to, in OCI and Docker media types. */
  oci: Content;
  docker: Content;
  ociManifests: Content[];
  dockerManifests: Content[];
  /** Config blobs and the layer. */
  blobs: Content[];
}

export function buildImageArtifacts(record: ImageRecord): ImageArtifacts {
  const platforms = record.platforms;
  const configs = platforms.map(configBlob);
  const ociManifests = configs.map(config => imageManifest(config, false));
  const dockerManifests = configs.map(config => imageManifest(config, true));
  const multiPlatform = platforms.length !== 1;
  return {
    multiPlatform,
    oci: multiPlatform
      ? indexOf(ociManifests, platforms, false)
      : ociManifests[0],
    docker: multiPlatform
      ? indexOf(dockerManifests, platforms, true)
      : dockerManifests[0],
    ociManifests,
    dockerManifests,
    blobs: [...configs, LAYER],
  };
}

/** Every manifest of the artifacts, for lookups by digest. */
export function allManifests(artifacts: ImageArtifacts): Content[] {
  return [
    artifacts.oci,
    artifacts.docker,
    ...artifacts.ociManifests,
    ...artifacts.dockerManifests,
  ];
}

/** The media types of an Accept header (all of its values, no parameters). */
export function acceptedTypes(accept: string | string[] | undefined): string[] {
  const values = Array.isArray(accept) ? accept : [accept ?? ''];
  return values
    .flatMap(value => value.split(','))
    .map(type => type.split(';')[0].trim().toLowerCase())
    .filter(Boolean);
}

/**
 * What a tag answers for this Accept header: the OCI form when the client
 * accepts it (or anything), the Docker form when it accepts only Docker
 * types; a client that accepts no index type gets the first platform's
 * manifest, as registries do.
 */
export function negotiateManifest(
  artifacts: ImageArtifacts,
  accept: string | string[] | undefined,
): Content {
  const types = acceptedTypes(accept);
  const any = types.length === 0 || types.includes('*/*');
  const has = (type: string) => types.includes(type);
  if (artifacts.multiPlatform) {
    if (any || has(MEDIA_TYPES.ociIndex)) return artifacts.oci;
    if (has(MEDIA_TYPES.dockerList)) return artifacts.docker;
    if (artifacts.ociManifests.length > 0) {
      return has(MEDIA_TYPES.dockerManifest) && !has(MEDIA_TYPES.ociManifest)
        ? artifacts.dockerManifests[0]
        : artifacts.ociManifests[0];
    }
    return artifacts.oci;
  }
  if (
    !any &&
    has(MEDIA_TYPES.dockerManifest) &&
    !has(MEDIA_TYPES.ociManifest)
  ) {
    return artifacts.docker;
  }
  return artifacts.oci;
}
