import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import {
  SERVICE_STATUSES,
  type ServiceStatus,
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
import { readableCounts, recordedCounts } from './readableHistory';
import {
  replaceServiceDay,
  serviceDayRows,
  serviceDays,
} from './serviceHistory';
import type {
  HistoryEntry,
  HistoryQuery,
  HistoryRow,
  ServiceDay,
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
  if (dimension === 'service') {
    throw new InputError(
      `rows[${index}]: a service's day is recorded in services, not as a count`,
    );
  }
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
  services: readonly ServiceDay[] | undefined,
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
  const perService =
    services === undefined
      ? undefined
      : serviceDayRows(day, requireArray(services, 'services'));
  if (perService?.duplicate !== undefined) {
    throw new InputError(
      `Service ${perService.duplicate} appears twice in the day's history`,
    );
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
    if (perService) await replaceServiceDay(trx, day, perService, at);
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
  const before = dayMinus(today, olderThanDays);
  return knex.transaction(async trx => {
    let deleted = 0;
    for (const table of [
      TABLES.history,
      TABLES.serviceHistory,
      TABLES.serviceClusterHistory,
      TABLES.historyDays,
    ]) {
      deleted += await trx(table).where('day', '<', before).delete();
    }
    return deleted;
  });
}

/**
 * The history of one dimension. With `readable`, the counts are of those
 * services only, computed from each service's day; without it, the counts
 * over every service are those recorded each day.
 */
export async function getHistory(
  knex: Knex,
  query: HistoryQuery,
  readable?: ReadonlySet<string>,
): Promise<HistoryEntry[]> {
  requireObject(query, 'query');
  const dimension = requireDimension(query.dimension);
  const filter = {
    key: query.key === undefined ? undefined : requireName(query.key, 'key'),
    from: query.from === undefined ? undefined : requireDay(query.from, 'from'),
    to: query.to === undefined ? undefined : requireDay(query.to, 'to'),
  };
  if (dimension === 'service') {
    return serviceDays(knex, { ...filter, readable });
  }
  // Workloads no entity maps to are cluster data: the same for every caller.
  return readable && dimension !== 'unowned'
    ? readableCounts(knex, { dimension, ...filter }, readable)
    : recordedCounts(knex, { dimension, ...filter });
}
