import type { Knex } from 'knex';

export const TABLES = {
  clusterSnapshots: 'winready_cluster_snapshots',
  images: 'winready_images',
  serviceResults: 'winready_service_results',
  clusterResults: 'winready_cluster_results',
  workloadResults: 'winready_workload_results',
  workloadServices: 'winready_workload_services',
  history: 'winready_history',
  serviceHistory: 'winready_service_history',
  serviceClusterHistory: 'winready_service_cluster_history',
  historyDays: 'winready_history_days',
  meta: 'winready_meta',
} as const;

/** Rows per INSERT: far below SQLite's and PostgreSQL's bind-parameter limits. */
export const INSERT_BATCH = 100;

// SQLite's "YYYY-MM-DD HH:MM:SS[.SSS]" (CURRENT_TIMESTAMP) is UTC without a zone.
const SQLITE_DATETIME =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

/**
 * The one place timestamps read from the database become ISO strings:
 * PostgreSQL returns Date objects, SQLite epoch milliseconds (as a number or a
 * numeric string) or a zone-less UTC datetime string.
 */
export function toIsoTimestamp(value: unknown): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  let date: Date;
  if (value instanceof Date) {
    date = value;
  } else if (typeof value === 'number' || typeof value === 'bigint') {
    date = new Date(Number(value));
  } else if (typeof value === 'string') {
    const trimmed = value.trim();
    const sqlite = SQLITE_DATETIME.exec(trimmed);
    if (/^-?\d+$/.test(trimmed)) {
      date = new Date(Number(trimmed));
    } else if (sqlite) {
      date = new Date(`${sqlite[1]}T${sqlite[2]}Z`);
    } else {
      date = new Date(trimmed);
    }
  } else {
    throw new TypeError(`Not a timestamp: ${String(value)}`);
  }
  if (Number.isNaN(date.getTime())) {
    throw new TypeError(`Not a timestamp: ${String(value)}`);
  }
  return date.toISOString();
}

/** Like toIsoTimestamp, for NOT NULL columns. */
export function requiredIsoTimestamp(value: unknown): string {
  const iso = toIsoTimestamp(value);
  if (iso === undefined) {
    throw new TypeError('Missing timestamp');
  }
  return iso;
}

/** SQLite returns 0/1, PostgreSQL booleans. */
export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string' || text.length === 0) {
    return fallback;
  }
  return JSON.parse(text) as T;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) {
    chunks.push(items.slice(index, index + size));
  }
  return chunks;
}

function clientName(knex: Knex): string {
  const client = knex.client.config.client;
  return typeof client === 'string' ? client : String(client?.name ?? '');
}

export function isPostgres(knex: Knex): boolean {
  return ['pg', 'postgres', 'postgresql'].includes(clientName(knex));
}

export function isSqlite(knex: Knex): boolean {
  return ['sqlite3', 'better-sqlite3'].includes(clientName(knex));
}

/**
 * `column IN (values)` with ONE bind parameter on PostgreSQL and SQLite, so
 * that a list of any length fits (and the query still orders and pages in SQL).
 */
export function whereValueIn(
  knex: Knex,
  query: Knex.QueryBuilder,
  column: string,
  values: readonly string[],
  negate = false,
): Knex.QueryBuilder {
  if (isPostgres(knex)) {
    return query.whereRaw(
      negate ? 'NOT (?? = ANY(?::text[]))' : '?? = ANY(?::text[])',
      [column, [...values]],
    );
  }
  if (isSqlite(knex)) {
    return query.whereRaw(
      `?? ${negate ? 'NOT IN' : 'IN'} (SELECT value FROM json_each(?))`,
      [column, JSON.stringify(values)],
    );
  }
  return negate
    ? query.whereNotIn(column, [...values])
    : query.whereIn(column, [...values]);
}

/** `,`-separated list `column` contains `value` exactly (case-sensitive on every database). */
export function whereListContains(
  knex: Knex,
  query: Knex.QueryBuilder,
  column: string,
  value: string,
): Knex.QueryBuilder {
  const position = isPostgres(knex) ? 'strpos' : 'instr';
  return query.whereRaw(`${position}(',' || ?? || ',', ?) > 0`, [
    column,
    `,${value},`,
  ]);
}
