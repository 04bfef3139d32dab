import { redactSecrets, toSourceError } from './sourceError';

describe('toSourceError', () => {
  it.each([
    [{ statusCode: 401, message: 'no' }, 'UNAUTHORIZED_ERROR', 401],
    [{ statusCode: 403, message: 'no' }, 'FORBIDDEN_ERROR', 403],
    [{ statusCode: 404, message: 'no' }, 'NOT_FOUND', 404],
    [{ statusCode: 429, message: 'slow down' }, 'RATE_LIMITED', 429],
    [{ code: 503, message: 'unavailable' }, 'SYSTEM_ERROR', 503],
    [
      Object.assign(new Error('t'), { name: 'TimeoutError' }),
      'TIMEOUT',
      undefined,
    ],
    [new SyntaxError('Unexpected token'), 'MALFORMED_RESPONSE', undefined],
    [
      { code: 'PARSE_ERROR', statusCode: 200, message: 'Error "SyntaxError"' },
      'MALFORMED_RESPONSE',
      200,
    ],
    [new Error('connect ECONNREFUSED'), 'FETCH_ERROR', undefined],
  ])('classifies %o as %s', (error, errorType, statusCode) => {
    const result = toSourceError('aks', error, '/subscriptions/x');
    expect(result.errorType).toBe(errorType);
    expect(result.statusCode).toBe(statusCode);
    expect(result.resourcePath).toBe('/subscriptions/x');
  });

  it.each([
    ['Authorization: Bearer eyJhbGciOi.secret', 'Authorization: [redacted]'],
    [
      'request failed: {"access_token":"abc123"}',
      '"access_token":"[redacted]"',
    ],
    ['password=hunter2&user=x', 'password=[redacted]&user=x'],
    ['client_secret: s3cr3t', 'client_secret: [redacted]'],
  ])('redacts %s', (text, expected) => {
    expect(redactSecrets(text)).toContain(expected);
    expect(toSourceError('x', new Error(text)).message).toContain('[redacted]');
  });
});
