import { ResponseError } from '@backstage/errors';
import { errorMessage } from './errorMessage';

describe('errorMessage', () => {
  it('adds the backend message to a failed response', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'ServiceUnavailableError', message: 'no snapshot yet' },
        response: { statusCode: 503 },
      }),
      {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response as any);
    expect(errorMessage(error)).toBe(
      'Request failed with 503 Service Unavailable: no snapshot yet',
    );
  });

  it('keeps any other error as it is', () => {
    expect(errorMessage(new Error('network down'))).toBe('network down');
  });
});
