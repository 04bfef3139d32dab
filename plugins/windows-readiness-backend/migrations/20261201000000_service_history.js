// @ts-check

// Per-service history, so that the owner, cluster and overall counts can be
// computed over the services a caller may read (README: every answer holds
// only what the caller may read). winready_history keeps the counts over all
// services, for callers who read everything, and the days recorded before
// this migration; its per-service rows move here.

const STATUS = `CASE
  WHEN blocked > 0 THEN 'blocked'
  WHEN at_risk > 0 THEN 'at-risk'
  WHEN unknown > 0 THEN 'unknown'
  WHEN ready > 0 THEN 'ready'
  ELSE 'not-applicable' END`;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('winready_service_history', table => {
    table.comment('The status of each service, per day');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table
      .string('service', 255)
      .notNullable()
      .comment('Entity ref the service is stored under');
    table.string('status', 32).notNullable();
    table
      .string('owner', 255)
      .nullable()
      .comment(
        'Owner entity ref that day; null when it had none, or for days recorded before owners were kept',
      );
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.primary(['day', 'service'], 'winready_service_history_pk');
    // Covers the counts over a list of services: no table access.
    table.index(
      ['service', 'day', 'status', 'owner'],
      'winready_service_history_service_idx',
    );
  });

  await knex.schema.createTable('winready_service_cluster_history', table => {
    table.comment(
      'The status of each service within each cluster it runs in, per day',
    );
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.string('service', 255).notNullable();
    table.string('cluster', 255).notNullable();
    table
      .string('status', 32)
      .notNullable()
      .comment('From its workloads in that cluster only');
    table.primary(
      ['day', 'cluster', 'service'],
      'winready_service_cluster_history_pk',
    );
    table.index(
      ['service', 'day', 'cluster', 'status'],
      'winready_service_cluster_history_service_idx',
    );
  });

  await knex.schema.createTable('winready_history_days', table => {
    table.comment('The days that have per-service history');
    table.string('day', 10).primary().notNullable().comment('YYYY-MM-DD (UTC)');
    table
      .boolean('attributed')
      .notNullable()
      .comment(
        'False for days recorded before owners and clusters were kept per service',
      );
  });

  await knex.raw(
    `INSERT INTO winready_service_history (day, service, status, owner, recorded_at)
     SELECT day, "key", ${STATUS}, NULL, recorded_at
     FROM winready_history WHERE dimension = 'service'`,
  );
  await knex.raw(
    `INSERT INTO winready_history_days (day, attributed)
     SELECT DISTINCT day, false FROM winready_service_history`,
  );
  await knex('winready_history').where('dimension', 'service').delete();
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw(
    `INSERT INTO winready_history
       (day, dimension, "key", blocked, at_risk, unknown, ready, not_applicable, recorded_at)
     SELECT day, 'service', service,
       CASE WHEN status = 'blocked' THEN 1 ELSE 0 END,
       CASE WHEN status = 'at-risk' THEN 1 ELSE 0 END,
       CASE WHEN status = 'unknown' THEN 1 ELSE 0 END,
       CASE WHEN status = 'ready' THEN 1 ELSE 0 END,
       CASE WHEN status = 'not-applicable' THEN 1 ELSE 0 END,
       recorded_at
     FROM winready_service_history`,
  );
  await knex.schema.dropTable('winready_history_days');
  await knex.schema.dropTable('winready_service_cluster_history');
  await knex.schema.dropTable('winready_service_history');
};
