/** Small HTTP helpers for `yarn bench:api`: every request and every wait is bounded. */
import { createServer } from 'node:net';

/** A free loopback port (bound, read and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface Answer {
  status: number;
  text: string;
  ms: number;
  json<T = any>(): T;
}

/** One request with a timeout; never throws for an HTTP status, only for no answer. */
export async function request(
  url: string,
  options: {
    method?: string;
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<Answer> {
  const start = performance.now();
  const response = await fetch(url, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...options.headers,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined
        ? {}
        : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    ms: performance.now() - start,
    json: () => JSON.parse(text),
  };
}

/**
 * Calls `probe` every `intervalMs` until it returns a value (not undefined),
 * for at most `timeoutMs`; a probe that throws counts as "not yet".
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: {
    timeoutMs: number;
    intervalMs?: number;
    onWait?: (elapsedS: number) => void;
  },
): Promise<T> {
  const start = Date.now();
  const interval = options.intervalMs ?? 1000;
  let lastError: unknown;
  let lastReport = start;
  const maxAttempts = Math.ceil(options.timeoutMs / interval) + 1;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - start > options.timeoutMs) break;
    if (options.onWait && Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      options.onWait(Math.round((Date.now() - start) / 1000));
    }
    await new Promise(resolve => setTimeout(resolve, interval));
  }
  throw new Error(
    `timed out after ${Math.round(
      options.timeoutMs / 1000,
    )} s waiting for ${what}${
      lastError ? ` (last error: ${(lastError as Error).message})` : ''
    }`,
  );
}
