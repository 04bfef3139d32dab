import { ResponseError } from '@backstage/errors';

/**
 * What went wrong, in one line: for a failed backend call the status and the
 * backend's own message ("Request failed with 503 Service Unavailable: no
 * snapshot yet"), else the error's message.
 */
export function errorMessage(error: Error): string {
  if (ResponseError.is(error)) {
    const cause = error.cause?.message;
    return cause && cause !== error.message
      ? `${error.message}: ${cause}`
      : error.message;
  }
  return error.message || String(error);
}
