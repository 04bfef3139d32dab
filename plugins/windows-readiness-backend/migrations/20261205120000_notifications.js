// @ts-check

// The notifications sent to the owners of services (src/notifications/): one
// row per event and entity, so that replicas and restarts do not send one
// twice. A sender inserts the row first and sends only when its insert won.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('winready_notifications_sent', table => {
    table.comment(
      'Notifications sent to the owners of services, one row per event and entity',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The entity the notification was about (its owner received it)');
    table
      .string('kind', 32)
      .notNullable()
      .comment('blocked, pool-retirement or image-deletion');
    table
      .string('event', 64)
      .notNullable()
      .comment(
        'Which event of that kind: the day a service became blocked, or the pool date and lead time in days (2027-03-15/90)',
      );
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(
      ['entity_ref', 'kind', 'event'],
      'winready_notifications_sent_pk',
    );
    table.index(['sent_at'], 'winready_notifications_sent_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('winready_notifications_sent');
};
