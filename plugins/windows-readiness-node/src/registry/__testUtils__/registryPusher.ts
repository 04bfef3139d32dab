import { createHash } from 'node:crypto';
import type { ImagePlatform } from '@winready/plugin-windows-readiness-common';
import { Agent, request } from 'undici';
import { MediaTypes } from '../mediaTypes';

export interface PushTarget {
  /** `http://127.0.0.1:port` */
  url: string;
  /** `127.0.0.1:port` */
  host: string;
  credentials?: { username: string; password: string };
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Record<string, unknown>;
  annotations?: Record<string, string>;
}

const sha256 = (bytes: Buffer) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** Pushes blobs and manifests through the registry HTTP API (distribution spec). */
export class RegistryPusher {
  private readonly agent = new Agent();

  constructor(private readonly target: PushTarget) {}

  async close() {
    await this.agent.close();
  }

  private async call(
    method: 'POST' | 'PUT',
    url: string,
    body: Buffer | undefined,
    contentType: string,
  ) {
    const { credentials } = this.target;
    const res = await request(url, {
      method,
      dispatcher: this.agent,
      body,
      headers: {
        'content-type': contentType,
        ...(credentials && {
          authorization: `Basic ${Buffer.from(
            `${credentials.username}:${credentials.password}`,
          ).toString('base64')}`,
        }),
      },
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) {
      throw new Error(`${method} ${url} answered ${res.statusCode}: ${text}`);
    }
    return res;
  }

  /** Monolithic upload: POST an upload session, then PUT the bytes with their digest. */
  async pushBlob(
    repository: string,
    bytes: Buffer,
    mediaType: string,
  ): Promise<Descriptor> {
    const digest = sha256(bytes);
    const started = await this.call(
      'POST',
      `${this.target.url}/v2/${repository}/blobs/uploads/`,
      undefined,
      'application/octet-stream',
    );
    const location = new URL(String(started.headers.location), this.target.url);
    location.searchParams.set('digest', digest);
    await this.call(
      'PUT',
      location.toString(),
      bytes,
      'application/octet-stream',
    );
    return { mediaType, digest, size: bytes.length };
  }

  async pushManifest(
    repository: string,
    /** A tag; by default the manifest is pushed by its digest. */
    reference: string | undefined,
    manifest: object,
    mediaType: string,
  ): Promise<Descriptor> {
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
    await this.call(
      'PUT',
      `${this.target.url}/v2/${repository}/manifests/${
        reference ?? sha256(bytes)
      }`,
      bytes,
      mediaType,
    );
    return { mediaType, digest: sha256(bytes), size: bytes.length };
  }

  /** A config blob, a small layer and a manifest for one platform. */
  async pushImage(
    repository: string,
    platform: ImagePlatform,
    style: 'oci' | 'docker',
    tag?: string,
  ): Promise<Descriptor> {
    const config = {
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.osVersion && { 'os.version': platform.osVersion }),
      ...(platform.osFeatures && { 'os.features': platform.osFeatures }),
      ...(platform.variant && { variant: platform.variant }),
      config: { Cmd: platform.os === 'windows' ? ['cmd.exe'] : ['/bin/sh'] },
      rootfs: { type: 'layers', diff_ids: [] },
      history: [
        { created_by: `winready test image ${JSON.stringify(platform)}` },
      ],
    };
    const oci = style === 'oci';
    const configDescriptor = await this.pushBlob(
      repository,
      Buffer.from(JSON.stringify(config)),
      oci ? MediaTypes.ociConfig : MediaTypes.dockerConfig,
    );
    const layer = await this.pushBlob(
      repository,
      Buffer.from(`layer of ${repository} ${JSON.stringify(platform)}`),
      oci
        ? 'application/vnd.oci.image.layer.v1.tar+gzip'
        : 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    );
    const mediaType = oci ? MediaTypes.ociManifest : MediaTypes.dockerManifest;
    const manifest = {
      schemaVersion: 2,
      mediaType,
      config: configDescriptor,
      layers: [layer],
    };
    return this.pushManifest(repository, tag, manifest, mediaType);
  }

  async pushIndex(
    repository: string,
    tag: string,
    entries: Descriptor[],
    style: 'oci' | 'docker',
  ): Promise<Descriptor> {
    const mediaType =
      style === 'oci' ? MediaTypes.ociIndex : MediaTypes.dockerManifestList;
    return this.pushManifest(
      repository,
      tag,
      { schemaVersion: 2, mediaType, manifests: entries },
      mediaType,
    );
  }
}

/** An index entry's `platform` object. */
export function indexPlatform(p: ImagePlatform): Record<string, unknown> {
  return {
    architecture: p.architecture,
    os: p.os,
    ...(p.osVersion && { 'os.version': p.osVersion }),
    ...(p.osFeatures && { 'os.features': p.osFeatures }),
    ...(p.variant && { variant: p.variant }),
  };
}
