/** Small HTTP helpers of `yarn bench:ui`: every request and every wait is bounded. */

export async function request(
  url: string,
  options: {
    method?: string;
    token?: string;
    timeoutMs?: number;
  } = {},
): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

export { sleep, waitFor } from '../shared/waitFor';

export async function guestToken(backendUrl: string): Promise<string> {
  const answer = await request(`${backendUrl}/api/auth/guest/refresh`, {
    timeoutMs: 10_000,
  });
  if (answer.status !== 200) {
    throw new Error(`guest sign-in answered ${answer.status}`);
  }
  return JSON.parse(answer.text).backstageIdentity.token;
}
