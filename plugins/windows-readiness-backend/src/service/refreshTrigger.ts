import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { RunningRefresh } from './refreshRecord';

const isConflict = (error: unknown) =>
  (error as { name?: unknown } | undefined)?.name === 'ConflictError';

export interface TriggerOptions {
  scheduler: SchedulerService;
  taskId: string;
  /** The refresh in progress as the store records it (any replica's). */
  running(): Promise<RunningRefresh | undefined>;
  logger: LoggerService;
  /**
   * How long to wait before calling a held lock stale: the scheduler claims
   * the task a moment before the refresh records that it runs.
   */
  graceMs?: number;
}

/**
 * Triggers the refresh task, and tells the truth when it cannot. The
 * scheduler of @backstage/backend-defaults answers ConflictError while its
 * task row holds a run ticket; a run whose release failed (the database was
 * unreachable at the end), or whose process died, leaves the ticket until the
 * task's timeout passes and the janitor clears it. When the store says that
 * no refresh runs, the ticket is such a leftover: it is cancelled and the
 * task triggered again.
 */
export async function triggerRefresh(
  options: TriggerOptions,
): Promise<{ status: 'triggered'; note?: string }> {
  const { scheduler, taskId, logger } = options;
  try {
    await scheduler.triggerTask(taskId);
    return { status: 'triggered' };
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
  const runningNow = async () => {
    const running = await options.running();
    if (running) {
      throw new ConflictError(
        `A refresh is already running (started at ${running.startedAt}, last heard of at ${running.heartbeatAt})`,
      );
    }
  };
  await runningNow();
  await new Promise(resolve => setTimeout(resolve, options.graceMs ?? 1_000));
  await runningNow();
  try {
    await scheduler.cancelTask(taskId);
  } catch (error) {
    // Released in the meantime: nothing to cancel.
    if (!isConflict(error)) throw error;
  }
  try {
    await scheduler.triggerTask(taskId);
  } catch (error) {
    if (isConflict(error)) {
      throw new ConflictError('A refresh is already running');
    }
    throw error;
  }
  const note =
    'No refresh was running, but the scheduler still held the lock of an earlier run (its release failed or its process died); the lock was released.';
  logger.warn(note);
  return { status: 'triggered', note };
}
