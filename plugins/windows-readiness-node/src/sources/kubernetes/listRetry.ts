import {
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryDelay,
  sleep,
} from '../../registry/retry';

/** Retries of one list call after the first attempt. */
export const LIST_RETRIES = 3;

// @kubernetes/client-node's ApiException: `code` is the HTTP status.
function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

function retryAfterOf(error: unknown): string | undefined {
  const headers = (error as { headers?: Record<string, unknown> } | undefined)
    ?.headers;
  if (!headers || typeof headers !== 'object') return undefined;
  const entry = Object.entries(headers).find(
    ([name]) => name.toLowerCase() === 'retry-after',
  );
  const value = entry?.[1];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Runs one list call; an answer the API server sends when it sheds load
 * (429 Too Many Requests, 5xx) is retried after its Retry-After (up to a
 * bound: beyond it the call fails at once) or a jittered backoff, at most
 * `retries` times. The last answer is the error; an abort stops the wait.
 */
export async function withListRetries<T>(
  call: () => Promise<T>,
  signal?: AbortSignal,
  retries: number = LIST_RETRIES,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const status = statusOf(error);
      const retryable =
        status !== undefined && (status === 429 || status >= 500);
      if (!retryable || attempt >= retries) throw error;
      const retryAfter = parseRetryAfter(retryAfterOf(error));
      if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
        throw error;
      }
      await sleep(retryDelay(attempt, retryAfter), signal);
    }
  }
}
