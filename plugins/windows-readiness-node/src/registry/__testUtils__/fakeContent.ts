import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ImagePlatform } from '@winready/plugin-windows-readiness-common';
import { MediaTypes } from '../mediaTypes';

/**
 * In-memory registry content for the tiny local servers: what a registry
 * would store, served by `serveContent` so that a test only scripts the
 * behaviour it is about (auth, hangs, redirects, bad answers).
 */
export interface Blob {
  bytes: Buffer;
  digest: string;
  mediaType: string;
}

export const sha256 = (bytes: Buffer) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export function blob(value: unknown, mediaType: string): Blob {
  const bytes = Buffer.isBuffer(value)
    ? value
    : Buffer.from(JSON.stringify(value));
  return { bytes, digest: sha256(bytes), mediaType };
}

export function configBlob(platform: ImagePlatform): Blob {
  return blob(
    {
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.osVersion && { 'os.version': platform.osVersion }),
      ...(platform.osFeatures && { 'os.features': platform.osFeatures }),
      ...(platform.variant && { variant: platform.variant }),
    },
    MediaTypes.ociConfig,
  );
}

export function imageManifest(config: Blob): Blob {
  return blob(
    {
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config: {
        mediaType: config.mediaType,
        digest: config.digest,
        size: config.bytes.length,
      },
      layers: [],
    },
    MediaTypes.ociManifest,
  );
}

export function indexOf(platforms: ImagePlatform[]): Blob {
  return blob(
    {
      schemaVersion: 2,
      mediaType: MediaTypes.ociIndex,
      manifests: platforms.map((p, i) => ({
        mediaType: MediaTypes.ociManifest,
        digest: sha256(Buffer.from(`entry ${i} ${JSON.stringify(p)}`)),
        size: 100,
        platform: {
          architecture: p.architecture,
          os: p.os,
          ...(p.osVersion && { 'os.version': p.osVersion }),
          ...(p.osFeatures && { 'os.features': p.osFeatures }),
        },
      })),
    },
    MediaTypes.ociIndex,
  );
}

export function sendBlob(res: ServerResponse, content: Blob) {
  res.writeHead(200, {
    'content-type': content.mediaType,
    'content-length': String(content.bytes.length),
    'docker-content-digest': content.digest,
  });
  res.end(content.bytes);
}

/**
 * Serves `/v2/<repo>/manifests/<ref>` and `/v2/<repo>/blobs/<digest>` from
 * `manifests` (by tag or digest) and `blobs` (by digest); false if the path
 * is none of these or unknown.
 */
export function serveContent(
  url: string,
  res: ServerResponse,
  content: { manifests?: Record<string, Blob>; blobs?: Blob[] },
): boolean {
  const path = new URL(url, 'http://x').pathname;
  const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(path);
  if (!m) return false;
  const [, repo, kind, ref] = m;
  const found =
    kind === 'manifests'
      ? content.manifests?.[`${repo}:${ref}`] ??
        Object.values(content.manifests ?? {}).find(b => b.digest === ref)
      : content.blobs?.find(b => b.digest === ref);
  if (!found) return false;
  sendBlob(res, found);
  return true;
}
