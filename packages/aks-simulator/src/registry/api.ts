import {
  basicCredentials,
  formParams,
  json,
  type Route,
  type SimRequest,
  type SimResponse,
} from '../http';
import type { RegistryAuth } from './auth';
import type { RegistryCatalog } from './catalog';
import { registryError } from './errors';
import { negotiateManifest, type Content } from './manifests';

const API_VERSION = { 'Docker-Distribution-API-Version': 'registry/2.0' };
const DIGEST = /^sha256:[a-f0-9]{64}$/;

function serve(content: Content, mediaType = content.mediaType): SimResponse {
  return {
    status: 200,
    headers: {
      ...API_VERSION,
      'Content-Type': mediaType,
      'Docker-Content-Digest': content.digest,
      ETag: `"${content.digest}"`,
    },
    body: content.bytes,
  };
}

function manifestUnknown(repository: string, reference: string) {
  return registryError(404, 'MANIFEST_UNKNOWN', 'manifest unknown', {
    detail: { name: repository, reference },
  });
}

// An image the fleet records as not described: answer as the registry did,
// with the status its error names (a 401 is not retried, a 500 is).
const RECORDED_STATUS: Array<[RegExp, number, string]> = [
  [/\b401\b|unauthori[sz]ed/i, 401, 'UNAUTHORIZED'],
  [/\b403\b|forbidden|denied/i, 403, 'DENIED'],
  [/\b404\b|not found|manifest unknown/i, 404, 'MANIFEST_UNKNOWN'],
];

function recordedError(error: string, repository: string, reference: string) {
  const [, status, code] = RECORDED_STATUS.find(([pattern]) =>
    pattern.test(error),
  ) ?? [undefined, 500, 'UNKNOWN'];
  return registryError(status, code, error, {
    detail: { name: repository, reference },
  });
}

function getManifest(
  catalog: RegistryCatalog,
  request: SimRequest,
  repository: string,
  reference: string,
): SimResponse {
  const entries = catalog.repository(
    request.query.get('ns') ?? undefined,
    repository,
  );
  // An image the fleet does not list: MANIFEST_UNKNOWN (not NAME_UNKNOWN),
  // so that clients have one answer for "unknown image".
  if (entries.length === 0) return manifestUnknown(repository, reference);
  const entry = catalog.entry(entries, reference);
  if (entry?.record.error)
    return recordedError(entry.record.error, repository, reference);
  if (entry) {
    const artifacts = catalog.artifactsOf(entry);
    // A digest written in the fleet is served in the OCI form.
    return entry.tag === reference
      ? serve(negotiateManifest(artifacts, request.headers.accept))
      : serve(artifacts.oci);
  }
  if (DIGEST.test(reference)) {
    const manifest = catalog.manifestByDigest(entries, reference);
    if (manifest) return serve(manifest);
  }
  return manifestUnknown(repository, reference);
}

function getBlob(
  catalog: RegistryCatalog,
  request: SimRequest,
  repository: string,
  digest: string,
): SimResponse {
  const entries = catalog.repository(
    request.query.get('ns') ?? undefined,
    repository,
  );
  const blob = DIGEST.test(digest)
    ? catalog.blobByDigest(entries, digest)
    : undefined;
  return blob
    ? serve(blob, 'application/octet-stream')
    : registryError(404, 'BLOB_UNKNOWN', 'blob unknown to registry', {
        detail: { name: repository, digest },
      });
}

function tokenResponse(auth: RegistryAuth, request: SimRequest): SimResponse {
  const form = request.method === 'POST' ? formParams(request) : request.query;
  const grantType = form.get('grant_type');
  const scopes = [...form.getAll('scope'), ...request.query.getAll('scope')];
  const credentials =
    grantType === 'password'
      ? {
          username: form.get('username') ?? '',
          password: form.get('password') ?? '',
        }
      : basicCredentials(request);
  const granted = auth.accessToken({
    scopes: [...new Set(scopes)],
    credentials,
    refreshToken:
      grantType === 'refresh_token'
        ? form.get('refresh_token') ?? undefined
        : undefined,
  });
  return granted
    ? json(200, granted)
    : registryError(
        401,
        'UNAUTHORIZED',
        'authentication required: invalid credentials or refresh token',
      );
}

function exchange(auth: RegistryAuth, request: SimRequest): SimResponse {
  const form = formParams(request);
  const grantType = form.get('grant_type');
  if (
    grantType !== 'access_token' &&
    grantType !== 'access_token_refresh_token'
  ) {
    return registryError(
      400,
      'UNSUPPORTED',
      `grant_type must be access_token, got ${grantType}`,
    );
  }
  if (!form.get('access_token')) {
    return registryError(401, 'UNAUTHORIZED', 'access_token is required');
  }
  return json(200, { refresh_token: auth.refreshToken() });
}

function route(
  methods: string[],
  pattern: RegExp,
  kind: string,
  handle: Route['handle'],
): Route {
  return { area: 'registry', methods, pattern, kind, handle };
}

/**
 * The OCI distribution API at `/v2/` (the image's original host in `ns`, as
 * containerd sends to mirrors) and the token endpoints at `/oauth2/`.
 */
export function registryRoutes(
  catalog: RegistryCatalog,
  auth: RegistryAuth,
): Route[] {
  const guarded =
    (
      handle: (
        request: SimRequest,
        repository: string,
        ref: string,
      ) => SimResponse,
    ): Route['handle'] =>
    (request, [repository, reference]) =>
      auth.check(request, repository) ?? handle(request, repository, reference);
  return [
    route(
      ['GET'],
      /^\/v2\/?$/,
      'registry.base',
      request => auth.check(request) ?? json(200, {}, API_VERSION),
    ),
    route(
      ['GET', 'HEAD'],
      /^\/v2\/(.+)\/manifests\/([^/]+)$/,
      'registry.manifests',
      guarded((request, repository, reference) =>
        getManifest(catalog, request, repository, reference),
      ),
    ),
    route(
      ['GET', 'HEAD'],
      /^\/v2\/(.+)\/blobs\/([^/]+)$/,
      'registry.blobs',
      guarded((request, repository, digest) =>
        getBlob(catalog, request, repository, digest),
      ),
    ),
    route(
      ['GET'],
      /^\/v2\/(.+)\/tags\/list$/,
      'registry.tags',
      guarded((request, repository) => {
        const entries = catalog.repository(
          request.query.get('ns') ?? undefined,
          repository,
        );
        const tags = entries.map(e => e.tag).filter(Boolean);
        return entries.length > 0
          ? json(
              200,
              { name: repository, tags: [...new Set(tags)].sort() },
              API_VERSION,
            )
          : registryError(
              404,
              'NAME_UNKNOWN',
              'repository name not known to registry',
            );
      }),
    ),
    route(['GET', 'POST'], /^\/oauth2\/token$/, 'registry.token', request =>
      tokenResponse(auth, request),
    ),
    route(['POST'], /^\/oauth2\/exchange$/, 'registry.exchange', request =>
      exchange(auth, request),
    ),
  ];
}
