/** Media types of the OCI image spec and Docker's image manifest v2. */
export const MediaTypes = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifestList:
    'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed:
    'application/vnd.docker.distribution.manifest.v1+prettyjws',
} as const;

/** The Accept header of every manifest request: indexes first, as containerd does. */
export const MANIFEST_ACCEPT = [
  MediaTypes.ociIndex,
  MediaTypes.dockerManifestList,
  MediaTypes.ociManifest,
  MediaTypes.dockerManifest,
].join(', ');

/** Content types that say nothing about what a manifest is. */
const GENERIC_CONTENT_TYPES = new Set([
  '',
  'application/json',
  'application/octet-stream',
  'text/plain',
]);

/** `application/json; charset=utf-8` -> `application/json`. */
export function baseMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function isGenericContentType(contentType: string): boolean {
  return GENERIC_CONTENT_TYPES.has(baseMediaType(contentType));
}

export function isIndexMediaType(mediaType: string): boolean {
  return (
    mediaType === MediaTypes.ociIndex ||
    mediaType === MediaTypes.dockerManifestList
  );
}

export function isImageManifestMediaType(mediaType: string): boolean {
  return (
    mediaType === MediaTypes.ociManifest ||
    mediaType === MediaTypes.dockerManifest
  );
}

export function isManifestMediaType(mediaType: string): boolean {
  return isIndexMediaType(mediaType) || isImageManifestMediaType(mediaType);
}

export function isSchema1MediaType(mediaType: string): boolean {
  return (
    mediaType === MediaTypes.dockerSchema1 ||
    mediaType === MediaTypes.dockerSchema1Signed
  );
}

export function isImageConfigMediaType(mediaType: string): boolean {
  return (
    mediaType === MediaTypes.ociConfig || mediaType === MediaTypes.dockerConfig
  );
}
