import { Semaphore } from '../refresh/Semaphore';

/**
 * Answers computed from stored results, bounded and cached: at most
 * `concurrency` computed at once (the others wait), the same request answered
 * once per results version (the version is part of the key), at most
 * `size` answers kept, a failed one forgotten.
 */
export class VersionedAnswers<T> {
  private readonly slots: Semaphore;
  private readonly cache = new Map<string, Promise<T>>();

  constructor(options: { concurrency?: number; size?: number } = {}) {
    this.slots = new Semaphore(options.concurrency ?? 2);
    this.size = options.size ?? 64;
  }

  private readonly size: number;

  get(version: number, request: unknown, compute: () => Promise<T>) {
    const key = JSON.stringify([version, request]);
    let answer = this.cache.get(key);
    if (!answer) {
      answer = this.slots.use(compute);
      this.cache.set(key, answer);
      answer.catch(() => this.cache.delete(key));
      while (this.cache.size > this.size) {
        this.cache.delete(this.cache.keys().next().value!);
      }
    }
    return answer;
  }
}
