import { setTimeout as sleep } from 'node:timers/promises';
import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { WindowsReadinessStore } from '../store';
import {
  RefreshRecord,
  type FailedRefresh,
  type RefreshState,
  type RunningRefresh,
} from '../service/refreshRecord';
import { triggerRefresh } from '../service/refreshTrigger';
import type { InstancePresence } from './InstancePresence';
import type { ShardOutcome, ShardRefresher } from './ShardRefresher';
import { shardTaskId } from './shards';

/** A whole refresh: every shard's latest run, added up. */
export type RefreshOutcome = Omit<ShardOutcome, 'shard' | 'instance'>;

export interface ShardState {
  shard: number;
  running?: RunningRefresh;
  last?: ShardOutcome | FailedRefresh;
}

/** How often Backstage's scheduler looks for due tasks (its default), with a margin. */
const SCHEDULER_POLL_MS = 6_000;

const failed = (last: unknown): last is FailedRefresh =>
  !!last && typeof last === 'object' && 'failedAt' in last;

/**
 * The refresh as K shard tasks: runs a shard with its own record (so that a
 * shard whose replica died reads as failed), triggers them all, and tells one
 * story in GET /v1/status: the latest run of every shard, added up.
 */
export class ShardedRefresh {
  private readonly records: RefreshRecord<ShardOutcome>[];

  constructor(
    private readonly options: {
      store: WindowsReadinessStore;
      refresher: ShardRefresher;
      shards: number;
      now: () => Date;
      /** The instances sharing the store: who is busy, who is idle. */
      presence: InstancePresence;
      scheduler: SchedulerService;
      logger: LoggerService;
      /** Shard runs this instance takes at once before it hands further ones back. */
      perInstance: number;
      instance: string;
      /** How often other instances look for due tasks; default the scheduler's. */
      pollIntervalMs?: number;
    },
  ) {
    this.records = Array.from(
      { length: options.shards },
      (_, shard) =>
        new RefreshRecord<ShardOutcome>({
          store: options.store,
          now: options.now,
          suffix: options.shards === 1 ? '' : `:${shard}`,
          instance: options.instance,
        }),
    );
  }

  get taskIds(): string[] {
    return this.records.map((_, shard) =>
      shardTaskId(shard, this.options.shards),
    );
  }

  /**
   * Runs a shard the scheduler gave this instance, or, when this instance is
   * busy and another one runs fewer shards, hands it back to the scheduler at
   * once, for that one to take: the scheduler gives every due task to the
   * first instance that polls, so without this one instance would take them
   * all.
   */
  async runShard(
    shard: number,
    signal?: AbortSignal,
  ): Promise<ShardOutcome | undefined> {
    const { presence, perInstance } = this.options;
    // Counted as running while it is decided: shards given to this instance
    // at the same moment each see the ones given before them.
    return presence.track(async () => {
      const others = presence.busy - 1;
      if (
        presence.busy > perInstance &&
        (await presence.anotherRunsFewer(others))
      ) {
        await this.handBack(shard);
        return undefined;
      }
      return this.records[shard].track(this.options.now(), () =>
        this.options.refresher.run(shard, signal),
      );
    });
  }

  private async handBack(shard: number) {
    const { scheduler, logger } = this.options;
    const taskId = this.taskIds[shard];
    // A random moment, so that the next instance to poll is not always this one.
    await sleep(250 + Math.random() * 1500);
    const conflictOk = (error: unknown) => {
      if ((error as Error).name !== 'ConflictError') throw error;
    };
    await scheduler.cancelTask(taskId).catch(conflictOk);
    await scheduler.triggerTask(taskId).catch(conflictOk);
    logger.info(
      `Windows readiness shard ${shard + 1}/${
        this.options.shards
      }: this instance is busy, handed back for an instance that runs fewer`,
    );
    // This instance's worker for the task would look again the moment this
    // run returns and take the shard back before any other instance polled
    // (a replica never got a shard so); it waits out one poll of theirs.
    await sleep(this.options.pollIntervalMs ?? SCHEDULER_POLL_MS);
  }

  async shardStates(): Promise<ShardState[]> {
    const states = await Promise.all(this.records.map(r => r.state()));
    return states.map((state, shard) => ({ shard, ...state }));
  }

  /** The whole refresh: running while any shard runs; the last one once every shard has ended. */
  async state(): Promise<RefreshState<RefreshOutcome>> {
    return combine(await this.shardStates());
  }

  /** Triggers every shard's task; a conflict only when all of them really run. */
  async trigger(): Promise<{ status: 'triggered'; note?: string }> {
    const { scheduler, logger } = this.options;
    const notes: string[] = [];
    let triggered = 0;
    let conflict: Error | undefined;
    await Promise.all(
      this.taskIds.map(async (taskId, shard) => {
        try {
          const answer = await triggerRefresh({
            scheduler,
            taskId,
            running: async () => (await this.records[shard].state()).running,
            logger,
          });
          triggered++;
          if (answer.note) notes.push(answer.note);
        } catch (error) {
          if ((error as Error).name !== 'ConflictError') throw error;
          conflict = error as Error;
        }
      }),
    );
    if (triggered === 0 && conflict) throw new ConflictError(conflict.message);
    return notes.length > 0
      ? { status: 'triggered', note: notes[0] }
      : { status: 'triggered' };
  }
}

export function combine(
  states: readonly ShardState[],
): RefreshState<RefreshOutcome> {
  const running = states
    .map(state => state.running)
    .filter((r): r is RunningRefresh => !!r)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const result: RefreshState<RefreshOutcome> = {};
  if (running.length > 0) {
    result.running = {
      ...running[0],
      heartbeatAt: running
        .map(r => r.heartbeatAt)
        .sort()
        .reverse()[0],
    };
  }
  const lasts = states.map(state => state.last);
  if (lasts.some(last => !last)) return result;
  const all = lasts as Array<ShardOutcome | FailedRefresh>;
  const startedAt = all.map(last => last.startedAt).sort()[0];
  const endedAt = all
    .map(last => (failed(last) ? last.failedAt : last.finishedAt))
    .sort()
    .reverse()[0];
  const failures = all.filter(failed);
  if (failures.length > 0) {
    result.last = {
      startedAt,
      failedAt: endedAt,
      error: [...new Set(failures.map(f => f.error))].join(' '),
    };
    return result;
  }
  const outcomes = all as ShardOutcome[];
  const sourceErrors = new Map(
    outcomes
      .flatMap(o => o.sourceErrors)
      .map(error => [JSON.stringify(error), error]),
  );
  result.last = {
    startedAt,
    finishedAt: endedAt,
    clusters: outcomes.reduce((n, o) => n + o.clusters, 0),
    unreachableClusters: outcomes.flatMap(o => o.unreachableClusters).sort(),
    failedClusters: outcomes.flatMap(o => o.failedClusters ?? []).sort(),
    // Every shard locates every cluster: a listing's failure counts once.
    errors:
      outcomes.reduce((n, o) => n + o.errors - o.sourceErrors.length, 0) +
      sourceErrors.size,
    sourceErrors: [...sourceErrors.values()],
    imageErrors: outcomes.reduce((n, o) => n + o.imageErrors, 0),
    // The latest shard's count is the count of services stored now.
    services: [...outcomes].sort((a, b) =>
      b.finishedAt.localeCompare(a.finishedAt),
    )[0].services,
  };
  return result;
}
