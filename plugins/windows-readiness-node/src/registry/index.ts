export { OciRegistryClient } from './client';
export type { RegistryClientStats } from './client';
export type {
  RegistryClientOptions,
  RegistryCredential,
  RegistryLogger,
  RegistryMirror,
} from './types';
export {
  DOCKER_HUB,
  DOCKER_HUB_API_HOST,
  InvalidReferenceError,
  isValidDigest,
  parseImageReference,
} from './reference';
export type { ImageReference } from './reference';
export { MANIFEST_ACCEPT, MediaTypes } from './mediaTypes';
export {
  MalformedAnswerError,
  parseImageConfig,
  parseManifest,
} from './manifest';
export type { Descriptor, IndexEntry, ParsedManifest } from './manifest';
export { parseWwwAuthenticate } from './challenge';
export type { AuthChallenge } from './challenge';
export { HostAllowList, isLoopbackHost } from './hosts';
export { RegistryError } from './errors';
export { Limiter } from './limiter';
