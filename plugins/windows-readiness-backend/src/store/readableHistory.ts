import type { Knex } from 'knex';
import {
  emptyStatusCounts,
  type ServiceStatus,
  type StatusCounts,
} from '@winready/plugin-windows-readiness-common';
import { TABLES, whereValueIn } from './db';
import { historyServices, inRange, type DayRange } from './serviceHistory';
import type { HistoryEntry } from './WindowsReadinessStore';

export type CountDimension = 'all' | 'owner' | 'cluster' | 'unowned';

export interface CountQuery extends DayRange {
  dimension: CountDimension;
  key?: string;
}

const KEY_COLUMN: Record<CountDimension, string | undefined> = {
  all: undefined,
  owner: 'owner',
  cluster: 'cluster',
  unowned: 'cluster',
};

function toEntries(
  rows: Array<Record<string, any>>,
  dimension: CountDimension,
  count: (row: Record<string, any>) => Partial<StatusCounts>,
): HistoryEntry[] {
  const column = KEY_COLUMN[dimension];
  const entries = new Map<string, HistoryEntry>();
  for (const row of rows) {
    const key = column ? String(row[column]) : '*';
    const id = `${row.day}\u0000${key}`;
    let entry = entries.get(id);
    if (!entry) {
      entry = {
        day: String(row.day),
        dimension,
        key,
        counts: emptyStatusCounts(),
      };
      entries.set(id, entry);
    }
    for (const [status, n] of Object.entries(count(row))) {
      entry.counts[status as ServiceStatus] += n ?? 0;
    }
  }
  return [...entries.values()];
}

/** Counts per day (and owner or cluster) of the given services, in SQL. */
async function countsOf(
  knex: Knex,
  query: CountQuery,
  services: readonly string[],
): Promise<HistoryEntry[]> {
  if (services.length === 0) return [];
  const { dimension, key } = query;
  const column = KEY_COLUMN[dimension];
  const table =
    dimension === 'cluster'
      ? TABLES.serviceClusterHistory
      : TABLES.serviceHistory;
  let builder = inRange(
    whereValueIn(knex, knex(table), 'service', services),
    query,
  );
  if (column && key !== undefined) builder = builder.where(column, key);
  // Days recorded before owners were kept per service have none.
  if (column === 'owner') builder = builder.whereNotNull('owner');
  const groups = column ? ['day', column, 'status'] : ['day', 'status'];
  const rows = await builder
    .select(groups)
    .count({ count: '*' })
    .groupBy(groups)
    .orderBy(groups);
  return toEntries(rows, dimension, row => ({
    [row.status]: Number(row.count),
  }));
}

/** The counts recorded over every service, for the days that also have each service's day. */
export async function recordedCounts(
  knex: Knex,
  query: CountQuery,
  onlyDaysWithServices = false,
): Promise<HistoryEntry[]> {
  const { dimension, key } = query;
  let builder = inRange(
    knex(TABLES.history).where('dimension', dimension),
    query,
  );
  if (key !== undefined) builder = builder.where('key', key);
  if (onlyDaysWithServices) {
    let days = knex(TABLES.historyDays).select('day');
    // Whose each service was is known only from the migration on.
    if (dimension !== 'all') days = days.where('attributed', true);
    builder = builder.whereIn('day', days);
  }
  const rows = await builder.select().orderBy(['day', 'key']);
  return toEntries(
    rows.map((row: Record<string, any>) => ({
      ...row,
      [KEY_COLUMN[dimension] ?? 'key']: row.key,
    })),
    dimension,
    row => ({
      blocked: Number(row.blocked),
      'at-risk': Number(row.at_risk),
      unknown: Number(row.unknown),
      ready: Number(row.ready),
      'not-applicable': Number(row.not_applicable),
    }),
  );
}

const isEmpty = (counts: StatusCounts) =>
  Object.values(counts).every(n => n === 0);

/** The counts over every service less those of `unreadable`. */
async function allBut(
  knex: Knex,
  query: CountQuery,
  unreadable: readonly string[],
): Promise<HistoryEntry[]> {
  const [recorded, hidden] = await Promise.all([
    recordedCounts(knex, query, true),
    countsOf(knex, query, unreadable),
  ]);
  const byId = new Map(recorded.map(e => [`${e.day}\u0000${e.key}`, e]));
  for (const entry of hidden) {
    const total = byId.get(`${entry.day}\u0000${entry.key}`);
    if (!total) continue;
    for (const [status, n] of Object.entries(entry.counts)) {
      total.counts[status as ServiceStatus] -= n;
    }
  }
  return recorded.filter(entry => !isEmpty(entry.counts));
}

/** A row for every day with per-service history, zeros where nothing counted. */
async function everyDay(
  knex: Knex,
  range: DayRange,
  entries: HistoryEntry[],
): Promise<HistoryEntry[]> {
  const days = await inRange(knex(TABLES.historyDays), range)
    .select('day')
    .orderBy('day');
  const byDay = new Map(entries.map(entry => [entry.day, entry]));
  return days.map(
    ({ day }: { day: string }) =>
      byDay.get(String(day)) ?? {
        day: String(day),
        dimension: 'all',
        key: '*',
        counts: emptyStatusCounts(),
      },
  );
}

/**
 * Counts over the services in `readable` only, computed from each
 * service's day. Whichever side is smaller is counted in SQL: the readable
 * services, or the others, whose counts are taken off those recorded over
 * every service. Either way a restricted caller costs what the smaller side
 * costs, not a pass over the whole history.
 */
export async function readableCounts(
  knex: Knex,
  query: CountQuery,
  readable: ReadonlySet<string>,
): Promise<HistoryEntry[]> {
  if (query.dimension === 'all' && query.key !== undefined && query.key !== '*')
    return [];
  const known = await historyServices(knex, query);
  const unreadable = known.filter(service => !readable.has(service));
  const counted =
    unreadable.length <= known.length - unreadable.length
      ? await allBut(knex, query, unreadable)
      : await countsOf(
          knex,
          query,
          known.filter(service => readable.has(service)),
        );
  return query.dimension === 'all' ? everyDay(knex, query, counted) : counted;
}
