import type { Knex } from 'knex';
import {
  emptyStatusCounts,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import { INSERT_BATCH, TABLES, chunk, whereValueIn } from './db';
import {
  firstDuplicate,
  requireArray,
  requireClusterName,
  requireName,
  requireObject,
  requireStatus,
} from './validation';
import type { HistoryEntry, ServiceDay } from './WindowsReadinessStore';

/** The rows of one day's services, validated before anything is written. */
export function serviceDayRows(day: string, services: readonly unknown[]) {
  const history: Array<Record<string, unknown>> = [];
  const clusters: Array<Record<string, unknown>> = [];
  services.forEach((item, index) => {
    const what = `services[${index}]`;
    const service = requireObject(item, what) as unknown as ServiceDay;
    const id = requireName(service.service, `${what}.service`);
    history.push({
      day,
      service: id,
      status: requireStatus(service.status, `${what}.status`),
      owner:
        service.owner === undefined
          ? null
          : requireName(service.owner, `${what}.owner`),
    });
    (requireArray(service.clusters, `${what}.clusters`) as unknown[]).forEach(
      (entry, i) => {
        const cluster = requireObject(entry, `${what}.clusters[${i}]`);
        clusters.push({
          day,
          service: id,
          cluster: requireClusterName(cluster.name, `${what}.clusters[${i}]`),
          status: requireStatus(cluster.status, `${what}.clusters[${i}]`),
        });
      },
    );
  });
  const duplicate =
    firstDuplicate(history.map(row => String(row.service))) ??
    firstDuplicate(clusters.map(row => `${row.service} in ${row.cluster}`));
  return { history, clusters, duplicate };
}

/** Replaces the day's per-service rows, inside the caller's transaction. */
export async function replaceServiceDay(
  trx: Knex.Transaction,
  day: string,
  rows: ReturnType<typeof serviceDayRows>,
  at: Date,
): Promise<void> {
  await trx(TABLES.serviceHistory).where({ day }).delete();
  await trx(TABLES.serviceClusterHistory).where({ day }).delete();
  for (const batch of chunk(rows.history, INSERT_BATCH)) {
    await trx(TABLES.serviceHistory).insert(
      batch.map(row => ({ ...row, recorded_at: at })),
    );
  }
  for (const batch of chunk(rows.clusters, INSERT_BATCH)) {
    await trx(TABLES.serviceClusterHistory).insert(batch);
  }
  await trx(TABLES.historyDays)
    .insert({ day, attributed: true })
    .onConflict('day')
    .merge();
}

export interface DayRange {
  from?: string;
  to?: string;
}

export function inRange(
  query: Knex.QueryBuilder,
  { from, to }: DayRange,
  column = 'day',
): Knex.QueryBuilder {
  let out = query;
  if (from !== undefined) out = out.where(column, '>=', from);
  if (to !== undefined) out = out.where(column, '<=', to);
  return out;
}

/**
 * One entry a service and day (dimension `service`), of the services in
 * `readable` (all when absent), ordered by day and service.
 */
export async function serviceDays(
  knex: Knex,
  filter: DayRange & { key?: string; readable?: ReadonlySet<string> },
): Promise<HistoryEntry[]> {
  const { key, readable } = filter;
  if (key !== undefined && readable && !readable.has(key)) return [];
  let query = inRange(knex(TABLES.serviceHistory), filter);
  if (key !== undefined) query = query.where('service', key);
  else if (readable)
    query = whereValueIn(knex, query, 'service', [...readable]);
  const rows = await query
    .select('day', 'service', 'status')
    .orderBy(['day', 'service']);
  return rows.map((row: Record<string, any>) => ({
    day: String(row.day),
    dimension: 'service',
    key: row.service,
    counts: { ...emptyStatusCounts(), [row.status as ServiceStatus]: 1 },
  }));
}

/**
 * The distinct services of the per-service history in a range: one index
 * seek each (a loose index scan), not a pass over every row.
 */
export async function historyServices(
  knex: Knex,
  range: DayRange,
): Promise<string[]> {
  const next = (after: boolean) => {
    let query = inRange(knex(TABLES.serviceHistory), range);
    if (after) query = query.whereRaw('?? > ??', ['service', 'seen.service']);
    return query.min({ service: 'service' });
  };
  const rows = await knex
    .withRecursive('seen', ['service'], qb =>
      qb
        .select('*')
        .from(next(false).as('first'))
        .unionAll(sub =>
          sub
            .select(next(true).as('service'))
            .from('seen')
            .whereNotNull('seen.service'),
        ),
    )
    .select('service')
    .from('seen')
    .whereNotNull('service');
  return rows.map(row => row.service);
}
