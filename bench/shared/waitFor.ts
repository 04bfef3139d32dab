/** Waiting helpers the benchmarks share. */

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
