import type { RegistryAuth } from './auth';
import {
  Redactor,
  RegistryError,
  describeErrorBody,
  statusText,
} from './errors';
import { urlHost } from './hosts';
import type { ImageReference } from './reference';
import type { RegistryRouting, RegistryTarget } from './routing';
import type { HttpResponse } from './transport';

/** One image being described: where its requests go and with which scope. */
export interface FetchContext {
  ref: ImageReference;
  target: RegistryTarget;
  /** `repository:<name>:pull` */
  scope: string;
  signal?: AbortSignal;
}

/** The error for an answer that is not what the registry API promises. */
export function malformedAnswer(
  target: RegistryTarget,
  what: string,
  why: string,
): RegistryError {
  return new RegistryError(
    target.host,
    `${target.label} sent a malformed answer for ${what}: ${why}`,
  );
}

/**
 * GETs manifests and blobs of a repository through the authenticating
 * transport, and turns any status but 200 into an error naming the host.
 */
export class RegistryFetcher {
  constructor(
    private readonly options: {
      auth: RegistryAuth;
      routing: RegistryRouting;
      redactor: Redactor;
      hasCredentials(host: string): boolean;
    },
  ) {}

  async get(
    ctx: FetchContext,
    kind: 'manifests' | 'blobs',
    reference: string,
    what: string,
    maxBytes: number,
    headers: Record<string, string>,
  ): Promise<HttpResponse> {
    const { routing, auth } = this.options;
    const url = routing.url(ctx.target, ctx.ref.repository, kind, reference);
    const res = await auth.send(
      { method: 'GET', url, headers, signal: ctx.signal, maxBytes, what },
      ctx.scope,
    );
    if (res.status !== 200) throw this.statusError(ctx.target, res, what);
    return res;
  }

  private statusError(
    target: RegistryTarget,
    res: HttpResponse,
    what: string,
  ): RegistryError {
    const from = urlHost(res.url);
    const who =
      from === target.host
        ? target.label
        : `${from} (redirected from ${target.label})`;
    let hint = '';
    if (res.status === 401) {
      hint = this.options.hasCredentials(target.host)
        ? ': the credentials were refused'
        : `: no credentials are configured for ${target.host}`;
    } else if (res.status === 403) {
      hint = ': access denied';
    }
    const detail = this.options.redactor.redact(describeErrorBody(res.body));
    return new RegistryError(
      target.host,
      `${who} answered ${statusText(res.status)} for ${what}${hint}${
        detail ? ` (${detail})` : ''
      }`,
      { status: res.status },
    );
  }
}
