/**
 * Image references as containerd and Docker read them
 * (github.com/distribution/reference: normalize.go, regexp.go).
 */
export interface ImageReference {
  /** Registry as named in references: `docker.io`, `myreg.azurecr.io`, `127.0.0.1:5000`. */
  registry: string;
  /** Host that serves the registry API (`registry-1.docker.io` for `docker.io`). */
  apiHost: string;
  /** Repository path inside the registry, e.g. `library/nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** What the manifests endpoint is asked for: the digest if any, else the tag. */
  reference: string;
  /** `registry/repository[:tag][@digest]`, with `latest` when neither was given. */
  canonical: string;
}

export class InvalidReferenceError extends Error {
  constructor(reference: string, why: string) {
    super(`invalid image reference "${reference}": ${why}`);
    this.name = 'InvalidReferenceError';
  }
}

export const DOCKER_HUB = 'docker.io';
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const LEGACY_DOCKER_HUB = 'index.docker.io';
const NAME_TOTAL_LENGTH_MAX = 255;

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_NAME =
  /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*$/;
const IPV6 = /^\[[a-fA-F0-9:]+\]$/;
const PORT = /^[0-9]+$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST =
  /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha512: 128 };

function validDomain(domain: string): boolean {
  const portAt = domain.startsWith('[')
    ? domain.indexOf(':', domain.indexOf(']'))
    : domain.lastIndexOf(':');
  const hostPart = portAt >= 0 ? domain.slice(0, portAt) : domain;
  const port = portAt >= 0 ? domain.slice(portAt + 1) : undefined;
  if (port !== undefined && !PORT.test(port)) return false;
  return DOMAIN_NAME.test(hostPart) || IPV6.test(hostPart);
}

/** Validates a digest the way distribution's `digest.Validate` does. */
export function isValidDigest(digest: string): boolean {
  if (!DIGEST.test(digest)) return false;
  const [algorithm, hex] = digest.split(':');
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined) return true;
  return hex.length === length && /^[a-f0-9]+$/.test(hex);
}

/** Pure: parses and normalises an image reference; throws InvalidReferenceError. */
export function parseImageReference(input: string): ImageReference {
  const text = input.trim();
  const fail = (why: string): never => {
    throw new InvalidReferenceError(input, why);
  };
  if (!text) fail('empty');
  if (/\s/.test(text)) fail('contains whitespace');
  if (/^[a-f0-9]{64}$/.test(text)) {
    fail('a 64-character hexadecimal string is an image ID, not a reference');
  }

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isValidDigest(digest)) fail(`bad digest "${digest}"`);
  }

  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) fail(`bad tag "${tag}"`);
  }
  if (!rest) fail('no repository name');

  // splitDockerDomain: the first component is a registry when it looks like
  // a host (has '.' or ':', is localhost, or has upper-case letters).
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const isDomain =
    slash >= 0 &&
    (/[.:]/.test(first) ||
      first === 'localhost' ||
      first.toLowerCase() !== first);
  let registry = isDomain ? first : DOCKER_HUB;
  let repository = isDomain ? rest.slice(slash + 1) : rest;
  if (isDomain && !validDomain(registry)) fail(`bad registry "${registry}"`);
  if (registry === LEGACY_DOCKER_HUB) registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !repository.includes('/')) {
    repository = `library/${repository}`;
  }
  for (const component of repository.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      fail(
        component.toLowerCase() !== component
          ? 'repository name must be lowercase'
          : `bad repository path component "${component}"`,
      );
    }
  }
  if (`${registry}/${repository}`.length > NAME_TOTAL_LENGTH_MAX) {
    fail(`repository name longer than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  if (!tag && !digest) tag = 'latest';

  return {
    registry: registry.toLowerCase(),
    apiHost:
      registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry.toLowerCase(),
    repository,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
    reference: digest ?? tag!,
    canonical: `${registry.toLowerCase()}/${repository}${
      tag !== undefined ? `:${tag}` : ''
    }${digest ? `@${digest}` : ''}`,
  };
}
