import { bearerToken, json, type SimRequest, type SimResponse } from '../http';

/** ARM's error body: `{ error: { code, message } }`. */
export function armError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string | number | string[]> = {},
): SimResponse {
  return json(status, { error: { code, message } }, headers);
}

const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'AuthenticationFailed',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

/** The error ARM answers with for a bare status (faults, unknown paths). */
export function armStatusError(
  status: number,
  message?: string,
  headers?: Record<string, string | number | string[]>,
): SimResponse {
  const code = STATUS_CODES[status] ?? 'Error';
  return armError(
    status,
    code,
    message ?? `The simulator answered ${status} ${code}.`,
    headers,
  );
}

/** 401 without a bearer token, with the header ARM sends. */
export function armUnauthorized(): SimResponse {
  return armError(
    401,
    'AuthenticationFailed',
    "Authentication failed. The 'Authorization' header is missing or is not a Bearer token.",
    {
      'WWW-Authenticate':
        'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."',
    },
  );
}

/**
 * What ARM checks before it looks at a resource: a bearer token (any
 * non-empty one) and an api-version (any). Undefined when both are there.
 */
export function armPrecheck(request: SimRequest): SimResponse | undefined {
  if (!bearerToken(request)) return armUnauthorized();
  if (!request.query.get('api-version')) {
    return armError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
  }
  return undefined;
}

export function clusterNotFound(resourceGroup: string, name: string) {
  return armError(
    404,
    'ResourceNotFound',
    `The Resource 'Microsoft.ContainerService/managedClusters/${name}' under resource group '${resourceGroup}' was not found.`,
  );
}
