import { json, type SimResponse } from '../http';

/** The OCI distribution error body: `{ errors: [{ code, message, detail }] }`. */
export function registryError(
  status: number,
  code: string,
  message: string,
  options: {
    detail?: unknown;
    headers?: Record<string, string | number | string[]>;
  } = {},
): SimResponse {
  return json(
    status,
    { errors: [{ code, message, detail: options.detail ?? null }] },
    {
      'Docker-Distribution-API-Version': 'registry/2.0',
      ...options.headers,
    },
  );
}

const CODES: Record<number, string> = {
  400: 'UNSUPPORTED',
  401: 'UNAUTHORIZED',
  404: 'NAME_UNKNOWN',
  405: 'UNSUPPORTED',
  429: 'TOOMANYREQUESTS',
  500: 'UNKNOWN',
  503: 'UNAVAILABLE',
};

export function registryStatusError(
  status: number,
  message?: string,
  headers?: Record<string, string | number | string[]>,
): SimResponse {
  return registryError(
    status,
    CODES[status] ?? 'UNKNOWN',
    message ?? `the simulator answered ${status}`,
    { headers },
  );
}
