import { json, type SimResponse } from '../http';

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  410: 'Expired',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

/** A Kubernetes `Status` object, as the API server answers errors. */
export function kubernetesStatus(
  code: number,
  message: string,
  options: {
    reason?: string;
    details?: Record<string, unknown>;
    headers?: Record<string, string | number | string[]>;
  } = {},
): SimResponse {
  return json(
    code,
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason: options.reason ?? REASONS[code] ?? 'Unknown',
      ...(options.details ? { details: options.details } : {}),
      code,
    },
    options.headers,
  );
}
