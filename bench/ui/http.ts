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

export const sleep = (ms: number) =>
  new Promise(resolve => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns a value, at most `timeoutMs`; errors of the
 * probe count as "not yet" (the last one is in the timeout's message).
 * `onWait` is called about every 15 s of waiting.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: {
    timeoutMs: number;
    intervalMs?: number;
    onWait?: (seconds: number) => void;
    /** Checked before every probe: throw to give up early (a dead child). */
    alive?: () => void;
  },
): Promise<T> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  let lastError: unknown;
  let lastNotice = started;
  while (Date.now() < deadline) {
    options.alive?.();
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - lastNotice >= 15_000) {
      lastNotice = Date.now();
      options.onWait?.(Math.round((Date.now() - started) / 1000));
    }
    await sleep(options.intervalMs ?? 1000);
  }
  throw new Error(
    `timed out after ${Math.round(
      options.timeoutMs / 1000,
    )} s waiting for ${what}${
      lastError ? ` (last error: ${String(lastError)})` : ''
    }`,
  );
}

export async function guestToken(backendUrl: string): Promise<string> {
  const answer = await request(`${backendUrl}/api/auth/guest/refresh`, {
    timeoutMs: 10_000,
  });
  if (answer.status !== 200) {
    throw new Error(`guest sign-in answered ${answer.status}`);
  }
  return JSON.parse(answer.text).backstageIdentity.token;
}
