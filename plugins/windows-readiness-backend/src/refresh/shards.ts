import type {
  SchedulerServiceTaskScheduleDefinition,
  SchedulerServiceTaskScheduleDefinitionConfig,
} from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

/** The scheduler task of the refresh when it is not sharded. */
export const REFRESH_TASK_ID = 'windows-readiness-refresh';

/** The scheduler task of one shard. */
export function shardTaskId(shard: number, shards: number): string {
  return shards === 1
    ? REFRESH_TASK_ID
    : `${REFRESH_TASK_ID}-${shard + 1}-of-${shards}`;
}

/** Which shard collects a cluster: a stable hash of its name (FNV-1a). */
export function shardOf(cluster: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < cluster.length; i++) {
    hash ^= cluster.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

const SECOND = 1;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function seconds(duration: HumanDuration): number {
  return (
    (duration.years ?? 0) * 365 * 24 * HOUR +
    (duration.months ?? 0) * 30 * 24 * HOUR +
    (duration.weeks ?? 0) * 7 * 24 * HOUR +
    (duration.days ?? 0) * 24 * HOUR +
    (duration.hours ?? 0) * HOUR +
    (duration.minutes ?? 0) * MINUTE +
    (duration.seconds ?? 0) * SECOND +
    (duration.milliseconds ?? 0) / 1000
  );
}

/**
 * Each shard's schedule: the same cadence, started at evenly spread offsets.
 * The scheduler hands a due task to whichever replica polls first; were all
 * shards due at once, the first replica to poll would take them all. Spread
 * over the cycle, each is due alone, so the replicas share them. A cadence
 * that divides an hour or a day becomes a cron with the shard's offset, which
 * keeps the spread after a manual trigger (a duration would restart from it).
 */
export function shardSchedules(
  schedule: SchedulerServiceTaskScheduleDefinition,
  shards: number,
): SchedulerServiceTaskScheduleDefinition[] {
  const frequency = schedule.frequency as
    | HumanDuration
    | { cron: string }
    | { trigger: 'manual' };
  const period =
    'cron' in frequency || 'trigger' in frequency
      ? undefined
      : Math.round(seconds(frequency as HumanDuration));
  return Array.from({ length: shards }, (_, shard) => {
    if (!period || shards === 1) return schedule;
    const offset = Math.floor((shard * period) / shards);
    const cron = staggeredCron(period, offset);
    // A cron's first run waits for its time; a duration's is at start-up.
    // Keep the start-up run (a fresh install has data at once).
    return cron
      ? {
          ...schedule,
          frequency: { cron },
          initialDelay: schedule.initialDelay ?? { seconds: 0 },
        }
      : schedule;
  });
}

/** A seconds-field cron firing every `period` seconds at `offset`, when an hour or a day divides evenly. */
function staggeredCron(period: number, offset: number): string | undefined {
  const s = offset % 60;
  const m = Math.floor(offset / 60) % 60;
  const h = Math.floor(offset / HOUR);
  if (period < MINUTE || period % MINUTE !== 0) return undefined;
  if (period < HOUR && HOUR % period === 0) {
    return `${s} ${m}-59/${period / MINUTE} * * * *`;
  }
  if (period % HOUR === 0 && (24 * HOUR) % period === 0) {
    return `${s} ${m} ${h}-23/${period / HOUR} * * *`;
  }
  return undefined;
}

export type { SchedulerServiceTaskScheduleDefinitionConfig };
