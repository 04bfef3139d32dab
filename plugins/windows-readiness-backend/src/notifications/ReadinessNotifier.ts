import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { mapConcurrent } from '@winready/plugin-windows-readiness-node';
import { noticesFor, type Notice, type NotificationInput } from './notices';
import type { SentNotices } from './SentNotices';

const MS_PER_DAY = 86_400_000;

export interface ReadinessNotifierOptions {
  notifications: NotificationService;
  sent: SentNotices;
  logger: LoggerService;
  /** Days before a pool's retirement or node image deletion to notify at. */
  leadTimesDays: readonly number[];
  /** Notifications sent at once. */
  concurrency?: number;
}

/**
 * Tells the owner of each service (notifications to the entity: the
 * notifications backend resolves its owner) when it becomes blocked and as a
 * pool it runs on nears retirement or node image deletion; each event once,
 * whichever replica evaluates.
 */
export class ReadinessNotifier {
  constructor(private readonly options: ReadinessNotifierOptions) {}

  /**
   * The one entry point: called after an evaluation's results are stored.
   * Never throws: a notification that cannot be sent is logged; a lead-time
   * one is tried again by the next evaluation (its claim is released), a
   * blocked one is not (the next evaluation finds the service already blocked).
   */
  async notifyAfterEvaluation(input: NotificationInput): Promise<void> {
    const { logger, sent, leadTimesDays } = this.options;
    try {
      const notices = noticesFor(input, leadTimesDays);
      const outcomes = await mapConcurrent(
        notices,
        this.options.concurrency ?? 8,
        notice => this.sendOnce(notice, input.asOf),
      );
      const count = outcomes.filter(Boolean).length;
      if (count > 0)
        logger.info(`Sent ${count} Windows readiness notifications`);
      // A lead-time event can come again only until its date, at most the
      // widest lead time after it was sent; a blocked one only on its day.
      const keep = Math.max(0, ...leadTimesDays) + 1;
      await sent.prune(new Date(input.asOf.getTime() - keep * MS_PER_DAY));
    } catch (error) {
      logger.warn(
        `Windows readiness notifications failed: ${(error as Error).message}`,
      );
    }
  }

  private async sendOnce(notice: Notice, at: Date): Promise<boolean> {
    const { sent, notifications, logger } = this.options;
    if (!(await sent.claim(notice, at))) return false;
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: notice.entityRef },
        payload: {
          title: notice.title,
          description: notice.description,
          link: notice.link,
          severity: notice.severity,
          topic: notice.topic,
          // Should one be sent twice after all, the notifications backend
          // updates the first instead of adding another.
          scope: `windows-readiness:${notice.kind}:${notice.entityRef}:${notice.event}`,
        },
      });
      return true;
    } catch (error) {
      await sent.release(notice);
      logger.warn(
        `Could not notify the owner of ${notice.entityRef} (${notice.kind} ${
          notice.event
        }): ${(error as Error).message}`,
      );
      return false;
    }
  }
}
