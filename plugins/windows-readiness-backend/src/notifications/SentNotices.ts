import type { Knex } from 'knex';
import type { Notice } from './notices';

const TABLE = 'winready_notifications_sent';

/**
 * The notifications already sent, one row per event and entity
 * (migrations/20261205120000_notifications.js): whoever inserts the row
 * sends, so that replicas and restarts do not send one twice.
 */
export class SentNotices {
  constructor(private readonly db: Knex) {}

  /** Records the notice as sent; true only for the caller whose insert won. */
  async claim(notice: Notice, at: Date): Promise<boolean> {
    const rows = await this.db(TABLE)
      .insert({
        entity_ref: notice.entityRef,
        kind: notice.kind,
        event: notice.event,
        sent_at: at,
      })
      .onConflict(['entity_ref', 'kind', 'event'])
      .ignore()
      .returning('event');
    return rows.length === 1;
  }

  /** Forgets a claim whose sending failed, so that a later evaluation sends it. */
  async release(notice: Notice): Promise<void> {
    await this.db(TABLE)
      .where({
        entity_ref: notice.entityRef,
        kind: notice.kind,
        event: notice.event,
      })
      .delete();
  }

  /** Deletes the rows sent before `before`; returns how many. */
  prune(before: Date): Promise<number> {
    return this.db(TABLE).where('sent_at', '<', before).delete();
  }
}
