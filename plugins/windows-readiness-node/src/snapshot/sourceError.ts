import type { SourceError } from '@winready/plugin-windows-readiness-common';

/** Words that must never leave the process in an error message. */
const SECRET_PATTERNS = [
  /(authorization:\s*)(bearer|basic)\s+[^\s,;]+/gi,
  /((?:access_|refresh_)?token["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi,
  /((?:password|secret|client_secret)["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi,
];

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (result, pattern) => result.replace(pattern, '$1[redacted]'),
    text,
  );
}

function statusOf(error: any): number | undefined {
  const status =
    error?.statusCode ??
    error?.code ??
    error?.response?.statusCode ??
    error?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * An error of one source, shaped like the Kubernetes plugin's
 * KubernetesFetchError (errorType, statusCode, resourcePath) plus a message.
 */
export function toSourceError(
  source: string,
  error: unknown,
  resourcePath?: string,
): SourceError {
  const statusCode = statusOf(error);
  const name = (error as any)?.name;
  let errorType = 'FETCH_ERROR';
  if (statusCode === 401) errorType = 'UNAUTHORIZED_ERROR';
  else if (statusCode === 403) errorType = 'FORBIDDEN_ERROR';
  else if (statusCode === 404) errorType = 'NOT_FOUND';
  else if (statusCode === 429) errorType = 'RATE_LIMITED';
  else if (statusCode && statusCode >= 500) errorType = 'SYSTEM_ERROR';
  else if (name === 'AbortError' || name === 'TimeoutError') {
    errorType = 'TIMEOUT';
  } else if (
    // A success status that still failed: its body could not be read (the
    // Azure SDK says so with PARSE_ERROR and the answer's status).
    error instanceof SyntaxError ||
    (error as any)?.code === 'PARSE_ERROR' ||
    (statusCode && statusCode >= 200 && statusCode < 300)
  ) {
    errorType = 'MALFORMED_RESPONSE';
  }
  const message =
    error instanceof Error ? error.message : String(error ?? 'unknown error');
  return {
    source,
    errorType,
    ...(statusCode ? { statusCode } : {}),
    ...(resourcePath ? { resourcePath } : {}),
    message: redactSecrets(message).slice(0, 1000),
  };
}
