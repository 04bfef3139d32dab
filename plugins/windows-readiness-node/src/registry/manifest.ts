import type { ImagePlatform } from '@winready/plugin-windows-readiness-common';
import {
  MediaTypes,
  baseMediaType,
  isGenericContentType,
  isImageManifestMediaType,
  isIndexMediaType,
  isManifestMediaType,
  isSchema1MediaType,
} from './mediaTypes';
import { isValidDigest } from './reference';

/** What is wrong with a registry's answer (the client adds the host). */
export class MalformedAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedAnswerError';
  }
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

export interface IndexEntry extends Descriptor {
  platform?: ImagePlatform;
  /** A BuildKit attestation or another non-runnable entry. */
  attestation: boolean;
}

export type ParsedManifest =
  | { kind: 'index'; mediaType: string; entries: IndexEntry[] }
  | { kind: 'image'; mediaType: string; config: Descriptor };

type Json = Record<string, unknown>;

const fail = (message: string): never => {
  throw new MalformedAnswerError(message);
};

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJsonObject(bytes: Buffer, what: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return fail(`${what} is not valid JSON`);
  }
  if (!isObject(value)) fail(`${what} is not a JSON object`);
  return value as Json;
}

function optionalString(obj: Json, key: string, where: string) {
  const value = obj[key];
  if (value !== undefined && typeof value !== 'string') {
    fail(`${where}: "${key}" is not a string`);
  }
  return value as string | undefined;
}

/** Reads `os`, `architecture`, `os.version`, `os.features`, `variant`. */
export function readPlatform(obj: Json, where: string): ImagePlatform {
  const os = obj.os;
  const architecture = obj.architecture;
  if (typeof os !== 'string' || !os) fail(`${where}: "os" is missing`);
  if (typeof architecture !== 'string' || !architecture) {
    fail(`${where}: "architecture" is missing`);
  }
  const osVersion = optionalString(obj, 'os.version', where);
  const variant = optionalString(obj, 'variant', where);
  const osFeatures = obj['os.features'];
  if (
    osFeatures !== undefined &&
    osFeatures !== null &&
    !(Array.isArray(osFeatures) && osFeatures.every(f => typeof f === 'string'))
  ) {
    fail(`${where}: "os.features" is not a list of strings`);
  }
  return {
    os: os as string,
    architecture: architecture as string,
    ...(osVersion && { osVersion }),
    ...(Array.isArray(osFeatures) && osFeatures.length > 0 && { osFeatures }),
    ...(variant && { variant }),
  };
}

function readDescriptor(value: unknown, where: string): Descriptor {
  if (!isObject(value)) return fail(`${where} is not an object`);
  const { mediaType, digest, size } = value;
  if (typeof mediaType !== 'string' || !mediaType) {
    fail(`${where} has no mediaType`);
  }
  if (typeof digest !== 'string' || !isValidDigest(digest)) {
    fail(`${where} has no valid digest`);
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    fail(`${where} has no valid size`);
  }
  return {
    mediaType: mediaType as string,
    digest: digest as string,
    size: size as number,
  };
}

function readEntry(value: unknown, i: number): IndexEntry {
  const where = `manifests[${i}]`;
  const descriptor = readDescriptor(value, where);
  const obj = value as Json;
  const annotations = isObject(obj.annotations) ? obj.annotations : {};
  let platform: ImagePlatform | undefined;
  if (obj.platform !== undefined) {
    if (!isObject(obj.platform)) fail(`${where}.platform is not an object`);
    platform = readPlatform(obj.platform as Json, `${where}.platform`);
  }
  const attestation =
    annotations['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (platform?.os === 'unknown' && platform?.architecture === 'unknown');
  return { ...descriptor, ...(platform && { platform }), attestation };
}

function mediaTypeOf(body: Json, contentType: string | undefined): string {
  const header = baseMediaType(contentType);
  const declared = optionalString(body, 'mediaType', 'manifest');
  if (
    isSchema1MediaType(header) ||
    (declared && isSchema1MediaType(declared))
  ) {
    fail('Docker schema 1 manifests are not supported');
  }
  if (declared && isManifestMediaType(header) && declared !== header) {
    fail(`Content-Type ${header} does not match the manifest's ${declared}`);
  }
  if (isManifestMediaType(header)) return header;
  if (!isGenericContentType(header)) {
    fail(`unexpected Content-Type "${header}" for a manifest`);
  }
  if (declared) {
    if (!isManifestMediaType(declared)) {
      fail(`unsupported manifest media type "${declared}"`);
    }
    return declared;
  }
  // OCI allows an index or manifest without mediaType: tell them by shape.
  if (Array.isArray(body.manifests)) return MediaTypes.ociIndex;
  if (body.config !== undefined) return MediaTypes.ociManifest;
  return fail('answer is neither an image index nor an image manifest');
}

/** Parses and validates a manifest or index as a registry returned it. */
export function parseManifest(
  bytes: Buffer,
  contentType: string | undefined,
): ParsedManifest {
  const body = parseJsonObject(bytes, 'manifest');
  if (body.schemaVersion === 1) {
    fail('Docker schema 1 manifests are not supported');
  }
  if (body.schemaVersion !== 2) fail('manifest schemaVersion is not 2');
  const mediaType = mediaTypeOf(body, contentType);
  if (isIndexMediaType(mediaType)) {
    if (!Array.isArray(body.manifests)) {
      fail(`${mediaType} has no "manifests" list`);
    }
    const entries = (body.manifests as unknown[]).map(readEntry);
    return { kind: 'index', mediaType, entries };
  }
  if (!isImageManifestMediaType(mediaType)) {
    fail(`unsupported manifest media type "${mediaType}"`);
  }
  const config = readDescriptor(body.config, 'manifest config');
  if (body.layers !== undefined && !Array.isArray(body.layers)) {
    fail('manifest "layers" is not a list');
  }
  return { kind: 'image', mediaType, config };
}

/** Reads the platform of an image config blob. */
export function parseImageConfig(bytes: Buffer): ImagePlatform {
  return readPlatform(parseJsonObject(bytes, 'image config'), 'image config');
}
