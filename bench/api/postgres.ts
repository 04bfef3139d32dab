/**
 * `--database postgres`: the backend creates one database per plugin, named
 * with a prefix unique to this run; they are dropped at the end.
 */
import knexFactory from 'knex';

export async function dropPostgresDatabases(
  url: string,
  prefix: string,
): Promise<number> {
  if (!/^[a-z0-9_]+$/.test(prefix)) throw new Error(`bad prefix ${prefix}`);
  const knex = knexFactory({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 10_000,
  });
  try {
    const { rows } = await knex.raw<{ rows: Array<{ datname: string }> }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [prefix],
    );
    for (const { datname } of rows) {
      await knex.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
    return rows.length;
  } finally {
    await knex.destroy();
  }
}
