import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';
import { Redactor, RegistryError, networkError } from './errors';
import { urlHost } from './hosts';
import { Limiter } from './limiter';
import {
  MAX_RETRY_AFTER_MS,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
  sleep,
} from './retry';
import type { RegistryLogger } from './types';

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

export interface TransportOptions {
  ca?: string | string[];
  timeoutMs: number;
  retries: number;
  concurrency: number;
  /** Whether a host may be contacted at all (the first URL and every redirect). */
  isAllowed(host: string): boolean;
  /** Whether a host may be reached over plain http. */
  isInsecure(host: string): boolean;
  redactor: Redactor;
  logger?: RegistryLogger;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  /** Sent to the request's own host only: a redirect elsewhere drops it. */
  authorization?: string;
  /** `application/x-www-form-urlencoded` body. */
  form?: string;
  signal?: AbortSignal;
  maxBytes?: number;
  /** What is fetched, for messages: `manifest team/app:1.0`. */
  what: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Where the answer came from, after redirects. */
  url: URL;
}

/** Authorization travels in `HttpRequest.authorization` only, so that redirects can drop it. */
function withoutAuthorization(headers: Record<string, string> = {}) {
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([k]) => k.toLowerCase() !== 'authorization',
    ),
  );
}

export function headerValue(
  res: HttpResponse,
  name: string,
): string | undefined {
  const value = res.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.length;
    if (length > maxBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * HTTP for the registry client: undici with the extra CAs, per-attempt
 * timeouts, bounded concurrency, retries with backoff that honour
 * Retry-After, and redirects followed by hand so that the Authorization
 * header never leaves the host it was meant for.
 */
export class HttpTransport {
  private readonly agent: Agent;
  private readonly limiter: Limiter;

  constructor(private readonly options: TransportOptions) {
    const extra = options.ca === undefined ? [] : [options.ca].flat();
    this.agent = new Agent({
      connect: {
        timeout: options.timeoutMs,
        ...(extra.length > 0 && { ca: [...rootCertificates, ...extra] }),
      },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: 4_000,
    });
    this.limiter = new Limiter(options.concurrency);
  }

  get maxActive(): number {
    return this.limiter.maxActive;
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const { retries, logger } = this.options;
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse;
      try {
        res = await this.limiter.run(() => this.once(req), req.signal);
      } catch (error) {
        if (req.signal?.aborted) throw req.signal.reason;
        if (
          !(error instanceof RegistryError && error.retryable) ||
          attempt >= retries
        ) {
          throw error;
        }
        logger?.debug('registry request failed, retrying', {
          host: error.host,
          what: req.what,
          attempt: attempt + 1,
        });
        await sleep(retryDelay(attempt, undefined), req.signal);
        continue;
      }
      if (!isRetryableStatus(res.status) || attempt >= retries) return res;
      const retryAfter = parseRetryAfter(headerValue(res, 'retry-after'));
      if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
        return res;
      }
      logger?.debug('registry answered a retryable status, retrying', {
        host: urlHost(res.url),
        status: res.status,
        what: req.what,
        retryAfterMs: retryAfter,
        attempt: attempt + 1,
      });
      await sleep(retryDelay(attempt, retryAfter), req.signal);
    }
  }

  private checkTarget(url: URL, from: string | undefined, what: string) {
    const host = urlHost(url);
    const via = from ? `${from} redirected ${what} to ${host}, which` : host;
    if (!this.options.isAllowed(host)) {
      throw new RegistryError(from ?? host, `${via} is not in the allow-list`);
    }
    if (url.protocol === 'http:' && !this.options.isInsecure(host)) {
      throw new RegistryError(
        from ?? host,
        `${via} would be reached over plain http, which is allowed for insecureHosts (loopback) only`,
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new RegistryError(from ?? host, `${via} is not an http(s) URL`);
    }
  }

  private async once(req: HttpRequest): Promise<HttpResponse> {
    const { timeoutMs, redactor, logger } = this.options;
    const origin = urlHost(req.url);
    let url = req.url;
    let authorization = req.authorization;
    let method = req.method;
    let form = req.form;
    let previous: string | undefined;
    for (let hop = 0; ; hop++) {
      this.checkTarget(url, previous, req.what);
      const host = urlHost(url);
      if (host !== origin) authorization = undefined;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = req.signal
        ? AbortSignal.any([req.signal, timeout])
        : timeout;
      const started = Date.now();
      try {
        const res = await request(url, {
          method,
          dispatcher: this.agent,
          signal,
          headers: {
            'user-agent': 'winready-registry-client',
            ...withoutAuthorization(req.headers),
            ...(form !== undefined && {
              'content-type': 'application/x-www-form-urlencoded',
            }),
            ...(authorization && { authorization }),
          },
          body: form,
        });
        const location = res.headers.location;
        if (REDIRECTS.has(res.statusCode) && location) {
          await res.body.dump();
          if (hop >= MAX_REDIRECTS) {
            throw new RegistryError(
              origin,
              `${origin}: too many redirects for ${req.what}`,
            );
          }
          previous = host;
          try {
            url = new URL(String(location), url);
          } catch {
            throw new RegistryError(
              origin,
              `${host} redirected ${req.what} to an invalid URL`,
            );
          }
          if (res.statusCode === 303) {
            method = 'GET';
            form = undefined;
          }
          continue;
        }
        const body = await readBody(
          res.body,
          req.maxBytes ?? DEFAULT_MAX_BYTES,
        );
        logger?.debug('registry request', {
          method,
          host,
          path: redactor.redact(url.pathname),
          status: res.statusCode,
          ms: Date.now() - started,
        });
        if (body === undefined) {
          throw new RegistryError(
            origin,
            `${host} sent more than ${
              req.maxBytes ?? DEFAULT_MAX_BYTES
            } bytes for ${req.what}`,
          );
        }
        return { status: res.statusCode, headers: res.headers, body, url };
      } catch (error) {
        if (error instanceof RegistryError) throw error;
        if (req.signal?.aborted) throw req.signal.reason;
        throw networkError(error, {
          origin,
          host,
          what: req.what,
          timedOut: timeout.aborted,
          timeoutMs,
          redactor,
        });
      }
    }
  }
}
