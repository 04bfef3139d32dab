import type { Knex } from 'knex';
import type {
  ClusterResult,
  ServiceResult,
  ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import {
  TABLES,
  parseJson,
  requiredIsoTimestamp,
  whereListContains,
  whereValueIn,
} from './db';
import {
  optionalPaging,
  requireArray,
  requireClusterName,
  requireName,
  requireObject,
  requireStatus,
} from './validation';
import type {
  ServiceResultPage,
  ServiceResultQuery,
  StoredClusterResult,
  StoredServiceResult,
} from './WindowsReadinessStore';

export const META_EVALUATED_AT = 'results.evaluatedAt';
export const META_AS_OF = 'results.asOf';

function toStoredService(row: any): StoredServiceResult {
  return {
    id: row.id,
    status: row.status as ServiceStatus,
    clusters: row.clusters ? String(row.clusters).split(',') : [],
    evaluatedAt: requiredIsoTimestamp(row.evaluated_at),
    result: parseJson<ServiceResult>(row.result, undefined as any),
  };
}

export async function getServiceResult(
  knex: Knex,
  id: string,
): Promise<StoredServiceResult | undefined> {
  requireName(id, 'service id');
  const row = await knex(TABLES.serviceResults).where('id', id).first();
  return row ? toStoredService(row) : undefined;
}

export async function listServiceResults(
  knex: Knex,
  query: ServiceResultQuery = {},
): Promise<ServiceResultPage> {
  requireObject(query, 'query');
  const limit = optionalPaging(query.limit, 'limit');
  const offset = optionalPaging(query.offset, 'offset') ?? 0;
  const statuses =
    query.status === undefined
      ? undefined
      : (typeof query.status === 'string' ? [query.status] : query.status).map(
          status => requireStatus(status, 'status'),
        );
  const ids =
    query.ids === undefined
      ? undefined
      : requireArray(query.ids, 'ids').map(id => requireName(id, 'ids[]'));
  const cluster =
    query.cluster === undefined
      ? undefined
      : requireClusterName(query.cluster, 'cluster');
  if (ids?.length === 0 || statuses?.length === 0) {
    return { items: [], total: 0 };
  }

  const filtered = () => {
    let builder = knex(TABLES.serviceResults);
    if (ids) {
      builder = whereValueIn(knex, builder, 'id', ids);
    }
    if (statuses) {
      builder = builder.whereIn('status', statuses);
    }
    if (cluster !== undefined) {
      builder = whereListContains(knex, builder, 'clusters', cluster);
    }
    return builder;
  };

  const countAll = async () => {
    const [{ count }] = await filtered().count({ count: '*' });
    return Number(count);
  };
  if (limit === 0) {
    return { items: [], total: await countAll() };
  }
  // One statement for the page and its total: both see the same evaluation.
  let page = filtered()
    .select('*', knex.raw('count(*) over () as ??', ['total_count']))
    .orderBy('id');
  if (limit !== undefined) {
    page = page.limit(limit);
  }
  if (offset > 0) {
    page = page.offset(offset);
  }
  const rows = await page;
  if (rows.length === 0) {
    return { items: [], total: offset > 0 ? await countAll() : 0 };
  }
  return {
    items: rows.map(toStoredService),
    total: Number(rows[0].total_count),
  };
}

export async function listClusterResults(
  knex: Knex,
): Promise<StoredClusterResult[]> {
  const rows = await knex(TABLES.clusterResults).select().orderBy('name');
  return rows.map(row => ({
    name: row.name,
    evaluatedAt: requiredIsoTimestamp(row.evaluated_at),
    result: parseJson<ClusterResult>(row.result, undefined as any),
  }));
}
