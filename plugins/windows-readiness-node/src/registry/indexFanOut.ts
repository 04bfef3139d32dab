import { Limiter } from './limiter';

/**
 * How far one lookup looks into an image index. An entry without a
 * `platform` costs a request for its manifest (and one for its config): a
 * registry that lists thousands of them must not make the client send
 * thousands of requests. Real indexes list a few platforms (and as many
 * attestations), and multi-arch tools write `platform` on every entry.
 */
export const INDEX_LIMITS = {
  /** Entries of one index read at all. */
  maxEntries: 1_000,
  /** Entries without a platform looked into, per lookup, at every depth. */
  maxUnlabelled: 64,
  /** Requests of one lookup's children at once. */
  concurrency: 4,
};

/** Why a child request of a lookup stopped: a sibling failed (or the lookup ended). */
export class LookupCancelled extends Error {
  name = 'AbortError';

  constructor() {
    super('the image lookup was cancelled: another of its requests failed');
  }
}

/**
 * One lookup's fan-out: a budget of entries without a platform, a limiter
 * for its child requests, and a signal that cancels them all when one fails
 * (or when the caller's signal aborts).
 */
export class LookupFanOut {
  private readonly controller = new AbortController();
  private readonly limiter = new Limiter(INDEX_LIMITS.concurrency);
  private readonly detach: () => void;
  private unlabelled = 0;

  constructor(outer?: AbortSignal) {
    const abort = () => this.controller.abort(outer!.reason);
    if (outer?.aborted) abort();
    outer?.addEventListener('abort', abort, { once: true });
    this.detach = () => outer?.removeEventListener('abort', abort);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Takes `count` entries without a platform from the budget; false when it has not that many left. */
  reserve(count: number): boolean {
    this.unlabelled += count;
    return this.unlabelled <= INDEX_LIMITS.maxUnlabelled;
  }

  /** Runs a child request among at most INDEX_LIMITS.concurrency; its failure cancels the others. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.limiter.run(task, this.signal);
    } catch (error) {
      this.cancel();
      throw error;
    }
  }

  cancel(): void {
    if (!this.signal.aborted) this.controller.abort(new LookupCancelled());
  }

  /** Ends the lookup: what still runs of it is cancelled. */
  dispose(): void {
    this.cancel();
    this.detach();
  }
}
