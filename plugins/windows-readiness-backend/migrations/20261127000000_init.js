// @ts-check

// JSON is kept in text columns so that SQLite and PostgreSQL behave alike.
// Timestamps are timestamptz on PostgreSQL; SQLite stores them as epoch ms.

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('winready_cluster_snapshots', table => {
    table.comment(
      'The latest snapshot of each cluster; a failed collection keeps the last good one and marks it stale',
    );
    table
      .string('name', 255)
      .primary()
      .notNullable()
      .comment('Cluster name, unique across all sources');
    table
      .text('snapshot', 'longtext')
      .notNullable()
      .comment(
        'JSON of the Cluster with its objects (without collectedAt and errors)',
      );
    table
      .timestamp('collected_at', { useTz: true })
      .nullable()
      .comment('When the last good collection happened; null if none ever did');
    table
      .timestamp('attempted_at', { useTz: true })
      .notNullable()
      .comment('When the latest collection was attempted');
    table
      .boolean('stale')
      .notNullable()
      .defaultTo(false)
      .comment('True when the latest attempt could not read the cluster');
    table
      .text('errors')
      .notNullable()
      .comment('JSON SourceError[] of the latest attempt');
  });

  await knex.schema.createTable('winready_images', table => {
    table.comment(
      'What the registry says about each image reference; a failed lookup never replaces a good record',
    );
    table.string('reference', 512).primary().notNullable();
    table
      .text('record')
      .notNullable()
      .comment(
        'JSON ImageRecord: the last good one, or the latest failed one if none was ever good',
      );
    table
      .boolean('good')
      .notNullable()
      .comment('True when record is a successful lookup');
    table
      .text('last_error')
      .nullable()
      .comment('Error of the latest lookup, null when it succeeded');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .comment('When record was written');
    table
      .timestamp('checked_at', { useTz: true })
      .notNullable()
      .comment('When the registry was last asked');
  });

  await knex.schema.createTable('winready_service_results', table => {
    table.comment('The latest evaluation, one row per service');
    table
      .string('id', 255)
      .primary()
      .notNullable()
      .comment(
        'Entity ref or backstage.io/kubernetes-id the backend maps the service to',
      );
    table
      .string('status', 32)
      .notNullable()
      .index('winready_service_results_status_idx');
    table
      .text('result', 'longtext')
      .notNullable()
      .comment('JSON ServiceResult');
    table
      .text('clusters')
      .notNullable()
      .comment('Comma-separated cluster names (cluster names hold no commas)');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('winready_cluster_results', table => {
    table.comment('The latest evaluation, one row per cluster');
    table.string('name', 255).primary().notNullable();
    table
      .text('result', 'longtext')
      .notNullable()
      .comment('JSON ClusterResult');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('winready_history', table => {
    table.comment('Service counts per status, per day and dimension');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table
      .string('dimension', 16)
      .notNullable()
      .comment("'all' | 'owner' | 'cluster'");
    table
      .string('key', 255)
      .notNullable()
      .comment("Owner entity ref, cluster name, or '*' for 'all'");
    table.integer('blocked').notNullable().defaultTo(0);
    table.integer('at_risk').notNullable().defaultTo(0);
    table.integer('unknown').notNullable().defaultTo(0);
    table.integer('ready').notNullable().defaultTo(0);
    table.integer('not_applicable').notNullable().defaultTo(0);
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.primary(['day', 'dimension', 'key'], 'winready_history_pk');
    table.index(['dimension', 'key', 'day'], 'winready_history_series_idx');
  });

  await knex.schema.createTable('winready_meta', table => {
    table.comment(
      'Small facts about the plugin state, e.g. the last refresh outcome',
    );
    table.string('key', 255).primary().notNullable();
    table.text('value').notNullable().comment('JSON value');
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('winready_meta');
  await knex.schema.dropTable('winready_history');
  await knex.schema.dropTable('winready_cluster_results');
  await knex.schema.dropTable('winready_service_results');
  await knex.schema.dropTable('winready_images');
  await knex.schema.dropTable('winready_cluster_snapshots');
};
