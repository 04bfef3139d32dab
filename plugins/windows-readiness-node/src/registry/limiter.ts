/** Runs at most `limit` tasks at a time, first come first served. */
export class Limiter {
  private running = 0;
  private peak = 0;
  private readonly queue: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new TypeError(
        `concurrency must be a positive integer, got ${limit}`,
      );
    }
  }

  get active(): number {
    return this.running;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** The most tasks that ever ran at once. */
  get maxActive(): number {
    return this.peak;
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.running < this.limit) {
      this.start();
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = { grant: () => {} };
      const onAbort = () => {
        const i = this.queue.indexOf(waiter.grant);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal!.reason);
      };
      waiter.grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.start();
        resolve();
      };
      this.queue.push(waiter.grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private start() {
    this.running++;
    this.peak = Math.max(this.peak, this.running);
  }

  private release() {
    this.running--;
    this.queue.shift()?.();
  }
}
