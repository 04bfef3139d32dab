import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import {
  SERVICE_STATUSES,
  type ServiceStatus,
  type StatusCounts,
} from '@winready/plugin-windows-readiness-common';
import { INSERT_BATCH, TABLES, chunk, whereValueIn } from './db';
import {
  firstDuplicate,
  requireArray,
  requireCount,
  requireDay,
  requireDimension,
  requireName,
  requireObject,
} from './validation';
import type {
  HistoryDimension,
  HistoryEntry,
  HistoryQuery,
  HistoryRow,
} from './WindowsReadinessStore';

/** Status → column: `at-risk` → `at_risk`. */
const COLUMNS: Record<ServiceStatus, string> = {
  blocked: 'blocked',
  'at-risk': 'at_risk',
  unknown: 'unknown',
  ready: 'ready',
  'not-applicable': 'not_applicable',
};

const DAY_MS = 24 * 60 * 60 * 1000;

function historyRow(day: string, row: HistoryRow, index: number, at: Date) {
  requireObject(row, `rows[${index}]`);
  const dimension = requireDimension(row.dimension);
  const key = requireName(row.key, `rows[${index}].key`);
  if (dimension === 'all' && key !== '*') {
    throw new InputError(`rows[${index}]: dimension 'all' takes key '*'`);
  }
  const counts = requireObject(row.counts, `rows[${index}].counts`);
  const columns: Record<string, number> = {};
  for (const status of SERVICE_STATUSES) {
    columns[COLUMNS[status]] = requireCount(
      counts[status] ?? 0,
      `rows[${index}].counts.${status}`,
    );
  }
  return { day, dimension, key, ...columns, recorded_at: at };
}

export async function recordHistory(
  knex: Knex,
  day: string,
  rows: readonly HistoryRow[],
  at: Date,
): Promise<void> {
  requireDay(day, 'day');
  const records = requireArray(rows, 'rows').map((row, index) =>
    historyRow(day, row as HistoryRow, index, at),
  );
  const duplicate = firstDuplicate(
    records.map(record => `${record.dimension}/${record.key}`),
  );
  if (duplicate !== undefined) {
    throw new InputError(`History row ${duplicate} appears twice`);
  }
  const dimensions = [...new Set(records.map(record => record.dimension))];

  await knex.transaction(async trx => {
    // Keys that had counts earlier that day but have none now must go too.
    for (const dimension of dimensions) {
      const keys = records
        .filter(record => record.dimension === dimension)
        .map(record => record.key);
      await whereValueIn(
        trx,
        trx(TABLES.history).where({ day, dimension }),
        'key',
        keys,
        true,
      ).delete();
    }
    for (const batch of chunk(records, INSERT_BATCH)) {
      await trx(TABLES.history)
        .insert(batch)
        .onConflict(['day', 'dimension', 'key'])
        .merge();
    }
  });
}

/** `today - days` as YYYY-MM-DD. */
export function dayMinus(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

export async function pruneHistory(
  knex: Knex,
  olderThanDays: number,
  today: string,
): Promise<number> {
  requireCount(olderThanDays, 'olderThanDays');
  requireDay(today, 'today');
  return knex(TABLES.history)
    .where('day', '<', dayMinus(today, olderThanDays))
    .delete();
}

export async function getHistory(
  knex: Knex,
  query: HistoryQuery,
): Promise<HistoryEntry[]> {
  requireObject(query, 'query');
  const dimension = requireDimension(query.dimension);
  let builder = knex(TABLES.history).where('dimension', dimension);
  if (query.key !== undefined) {
    builder = builder.where('key', requireName(query.key, 'key'));
  }
  if (query.from !== undefined) {
    builder = builder.where('day', '>=', requireDay(query.from, 'from'));
  }
  if (query.to !== undefined) {
    builder = builder.where('day', '<=', requireDay(query.to, 'to'));
  }
  const rows = await builder.select().orderBy([
    { column: 'day', order: 'asc' },
    { column: 'key', order: 'asc' },
  ]);
  return rows.map(row => ({
    day: String(row.day),
    dimension: row.dimension as HistoryDimension,
    key: row.key,
    counts: Object.fromEntries(
      SERVICE_STATUSES.map(status => [status, Number(row[COLUMNS[status]])]),
    ) as StatusCounts,
  }));
}
