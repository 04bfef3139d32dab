import { Limiter } from './limiter';
import { parseRetryAfter, retryDelay, sleep } from './retry';

describe('Limiter', () => {
  it('never runs more than the limit, in order', async () => {
    const limiter = new Limiter(2);
    const started: number[] = [];
    const gates: Array<() => void> = [];
    const tasks = [0, 1, 2, 3, 4].map(i =>
      limiter.run(async () => {
        started.push(i);
        await new Promise<void>(r => gates.push(r));
        return i;
      }),
    );
    await new Promise(r => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(limiter.pending).toBe(3);
    while (gates.length) {
      gates.shift()!();
      await new Promise(r => setImmediate(r));
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.maxActive).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('releases a slot when a task fails, and drops aborted waiters', async () => {
    const limiter = new Limiter(1);
    let open!: () => void;
    const first = limiter.run(
      () =>
        new Promise<void>((_, reject) => (open = () => reject(new Error('x')))),
    );
    const controller = new AbortController();
    const waiting = limiter.run(async () => 'never', controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(limiter.pending).toBe(0);
    open();
    await expect(first).rejects.toThrow('x');
    expect(await limiter.run(async () => 'ok')).toBe('ok');
  });

  it('refuses a nonsense limit', () => {
    expect(() => new Limiter(0)).toThrow(TypeError);
    expect(() => new Limiter(1.5)).toThrow(TypeError);
  });
});

describe('retry timing', () => {
  it('parses Retry-After seconds and dates', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Fri, 27 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with bounded jitter, or as asked', () => {
    expect(retryDelay(0, undefined, () => 0.5)).toBe(250);
    expect(retryDelay(2, undefined, () => 0)).toBe(800);
    expect(retryDelay(10, undefined, () => 1)).toBe(6000);
    expect(retryDelay(0, 1500)).toBe(1500);
    expect(retryDelay(0, 3_600_000)).toBe(20_000);
  });

  it('sleep stops on abort', async () => {
    const controller = new AbortController();
    const slept = sleep(10_000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(slept).rejects.toThrow('cancelled');
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
