import { redactSecrets } from '@winready/plugin-windows-readiness-node';
import type {
  FailedRefresh,
  RunningRefresh,
} from '@winready/plugin-windows-readiness-common';
import type { WindowsReadinessStore } from '../store';

export type { FailedRefresh, RunningRefresh };

/** Meta key of the latest refresh's outcome, success or failure. */
export const LAST_REFRESH = 'lastRefresh';
/** Meta key of the refresh in progress, null when none runs. */
export const RUNNING_REFRESH = 'refresh.running';

export interface RefreshState<T> {
  /** Absent when none runs, or when the one recorded has not been heard of for too long. */
  running?: RunningRefresh;
  /** The latest outcome; a run that died is reported as failed. */
  last?: T | FailedRefresh;
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return redactSecrets(
    typeof message === 'string' ? message : String(error),
  ).slice(0, 1000);
}

/**
 * Records in the store that a refresh runs (with a heartbeat, so that one
 * whose process died is seen as dead, not as running) and how it ended.
 * The store is shared by every replica, so any of them can tell.
 */
export class RefreshRecord<T extends { startedAt: string }> {
  private readonly heartbeatMs: number;
  private readonly staleAfterMs: number;

  private readonly lastKey: string;
  private readonly runningKey: string;

  constructor(
    private readonly deps: {
      store: WindowsReadinessStore;
      now: () => Date;
      heartbeatMs?: number;
      /** Default six heartbeats. */
      staleAfterMs?: number;
      /** Appended to the meta keys: one record per shard. */
      suffix?: string;
      /** Names the instance in the running record. */
      instance?: string;
    },
  ) {
    this.heartbeatMs = deps.heartbeatMs ?? 10_000;
    this.staleAfterMs = deps.staleAfterMs ?? 6 * this.heartbeatMs;
    this.lastKey = `${LAST_REFRESH}${deps.suffix ?? ''}`;
    this.runningKey = `${RUNNING_REFRESH}${deps.suffix ?? ''}`;
  }

  /** Runs `run`, recording that it runs and its outcome; rethrows its error. */
  async track(startedAt: Date, run: () => Promise<T>): Promise<T> {
    const { store, now } = this.deps;
    const started = startedAt.toISOString();
    const beat = (at: Date) =>
      store.setMeta(this.runningKey, {
        startedAt: started,
        heartbeatAt: at.toISOString(),
        ...(this.deps.instance ? { instance: this.deps.instance } : {}),
      });
    await beat(startedAt);
    let stopped = false;
    let pending: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      pending = pending
        .then(() => (stopped ? undefined : beat(now())))
        .catch(() => undefined);
    }, this.heartbeatMs);
    timer.unref?.();
    const stop = async () => {
      stopped = true;
      clearInterval(timer);
      await pending;
    };
    let outcome: T;
    try {
      outcome = await run();
    } catch (error) {
      await stop();
      const failed: FailedRefresh = {
        startedAt: started,
        failedAt: now().toISOString(),
        error: messageOf(error),
      };
      // The store may be what failed: the error to rethrow is the run's.
      await store.setMeta(this.lastKey, failed as any).catch(() => undefined);
      await store.setMeta(this.runningKey, null).catch(() => undefined);
      throw error;
    }
    await stop();
    await store.setMeta(this.lastKey, outcome as any);
    await store.setMeta(this.runningKey, null);
    return outcome;
  }

  async state(): Promise<RefreshState<T>> {
    const { store, now } = this.deps;
    const [running, last] = await Promise.all([
      store.getMeta(this.runningKey),
      store.getMeta(this.lastKey),
    ]);
    const current = running?.value as RunningRefresh | null | undefined;
    const latest = (last?.value ?? undefined) as T | FailedRefresh | undefined;
    if (!current) return { last: latest };
    const silentMs = now().getTime() - Date.parse(current.heartbeatAt);
    if (silentMs <= this.staleAfterMs)
      return { running: current, last: latest };
    // Its process ended or hung without recording an outcome.
    if (latest && latest.startedAt >= current.startedAt)
      return { last: latest };
    return {
      last: {
        startedAt: current.startedAt,
        failedAt: current.heartbeatAt,
        error: `The refresh stopped without finishing: nothing was heard of it after ${current.heartbeatAt} (its process ended or hung).`,
      },
    };
  }
}
