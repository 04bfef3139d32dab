// @ts-check

// Per-cluster results: each cluster is evaluated on its own, its workloads'
// verdicts are stored with what a what-if needs to judge them again, and a
// service's row is merged from its workloads in every cluster. Workloads no
// catalog entity maps to are stored too (they have no service).

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('winready_workload_results', table => {
    table.comment(
      'The latest verdict of every workload of every cluster, with the workload itself',
    );
    table.string('cluster', 255).notNullable();
    table
      .string('workload', 1024)
      .notNullable()
      .comment('Kind/namespace/name of the root controller or bare pod');
    table.string('kind', 64).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.string('status', 32).notNullable();
    table
      .boolean('owned')
      .notNullable()
      .comment('True when a catalog entity maps to it');
    table
      .text('images')
      .notNullable()
      .comment('JSON string[] of its image references');
    table
      .text('result', 'longtext')
      .notNullable()
      .comment('JSON WorkloadResult, without serviceId');
    table
      .text('sku_fit')
      .nullable()
      .comment(
        'JSON { osSku: yes|no|unknown } for a workload involving Windows',
      );
    table
      .text('workload_json', 'longtext')
      .notNullable()
      .comment(
        'JSON of the workload (its pod template, pods and events), for what-ifs',
      );
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.primary(['cluster', 'workload'], 'winready_workload_results_pk');
  });

  await knex.schema.createTable('winready_workload_services', table => {
    table.comment('Which services each workload belongs to');
    table.string('service', 255).notNullable().comment('Entity ref');
    table.string('cluster', 255).notNullable();
    table.string('workload', 1024).notNullable();
    table
      .string('status', 32)
      .notNullable()
      .comment(
        "The workload's status (a service's status in a cluster is the worst)",
      );
    table.primary(
      ['service', 'cluster', 'workload'],
      'winready_workload_services_pk',
    );
    table.index(['cluster'], 'winready_workload_services_cluster_idx');
  });

  await knex.schema.alterTable('winready_service_results', table => {
    table
      .text('sku_fit')
      .nullable()
      .comment(
        'JSON { osSku: yes|no|unknown }: the worst over its Windows workloads',
      );
  });
  await knex.schema.alterTable('winready_cluster_results', table => {
    table
      .text('facts', 'longtext')
      .nullable()
      .comment(
        'JSON Cluster with its pools, Nodes and RuntimeClasses only: what a what-if needs besides the workloads',
      );
  });
  await knex.schema.alterTable('winready_cluster_snapshots', table => {
    table
      .string('collected_by', 255)
      .nullable()
      .comment('The backend instance that read it last');
  });
  // Results of the whole-fleet evaluation have no workload rows: evaluate again.
  await knex('winready_service_results').delete();
  await knex('winready_cluster_results').delete();
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('winready_cluster_results', table => {
    table.dropColumn('facts');
  });
  await knex.schema.alterTable('winready_cluster_snapshots', table => {
    table.dropColumn('collected_by');
  });
  await knex.schema.alterTable('winready_service_results', table => {
    table.dropColumn('sku_fit');
  });
  await knex.schema.dropTable('winready_workload_services');
  await knex.schema.dropTable('winready_workload_results');
};
