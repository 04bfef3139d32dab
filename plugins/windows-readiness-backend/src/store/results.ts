import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import type {
  ClusterResult,
  EvaluationResult,
  ServiceResult,
  ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import {
  INSERT_BATCH,
  TABLES,
  chunk,
  parseJson,
  requiredIsoTimestamp,
  whereListContains,
  whereValueIn,
} from './db';
import { setMetaIn } from './meta';
import {
  firstDuplicate,
  optionalPaging,
  requireArray,
  requireClusterName,
  requireDate,
  requireName,
  requireObject,
  requireStatus,
} from './validation';
import type {
  ServiceIdMapping,
  ServiceResultPage,
  ServiceResultQuery,
  StoredClusterResult,
  StoredServiceResult,
} from './WindowsReadinessStore';

export const META_EVALUATED_AT = 'results.evaluatedAt';
export const META_AS_OF = 'results.asOf';

function storedIds(
  service: ServiceResult,
  mapping: ServiceIdMapping | undefined,
): readonly string[] {
  let mapped: string | readonly string[] | undefined;
  if (typeof mapping === 'function') {
    mapped = mapping(service);
  } else if (mapping) {
    mapped = Object.prototype.hasOwnProperty.call(mapping, service.id)
      ? mapping[service.id]
      : undefined;
  }
  if (mapped === undefined) {
    return [service.id];
  }
  return typeof mapped === 'string' ? [mapped] : mapped;
}

function serviceRows(
  evaluation: EvaluationResult,
  mapping: ServiceIdMapping | undefined,
  evaluatedAt: Date,
) {
  const services = requireArray(
    evaluation.services,
    'evaluation.services',
  ) as ServiceResult[];
  const rows = services.flatMap((service, index) => {
    requireObject(service, `evaluation.services[${index}]`);
    requireName(service.id, `evaluation.services[${index}].id`);
    const status = requireStatus(
      service.status,
      `evaluation.services[${index}].status`,
    );
    const clusters = (
      requireArray(
        service.clusters,
        `evaluation.services[${index}].clusters`,
      ) as string[]
    ).map(name =>
      requireClusterName(name, `evaluation.services[${index}].clusters[]`),
    );
    const result = JSON.stringify(service);
    return requireArray(
      storedIds(service, mapping),
      `stored ids of service ${service.id}`,
    ).map(id => ({
      id: requireName(id, `stored id of service ${service.id}`),
      status,
      result,
      clusters: clusters.join(','),
      evaluated_at: evaluatedAt,
    }));
  });
  const duplicate = firstDuplicate(rows.map(row => row.id));
  if (duplicate !== undefined) {
    throw new InputError(`Two services would be stored as ${duplicate}`);
  }
  return rows;
}

function clusterRows(evaluation: EvaluationResult, evaluatedAt: Date) {
  const clusters = requireArray(
    evaluation.clusters,
    'evaluation.clusters',
  ) as ClusterResult[];
  const rows = clusters.map((cluster, index) => {
    requireObject(cluster, `evaluation.clusters[${index}]`);
    return {
      name: requireClusterName(
        cluster.name,
        `evaluation.clusters[${index}].name`,
      ),
      result: JSON.stringify(cluster),
      evaluated_at: evaluatedAt,
    };
  });
  const duplicate = firstDuplicate(rows.map(row => row.name));
  if (duplicate !== undefined) {
    throw new InputError(
      `Cluster ${duplicate} appears twice in the evaluation`,
    );
  }
  return rows;
}

export async function replaceResults(
  knex: Knex,
  evaluation: EvaluationResult,
  serviceIds: ServiceIdMapping | undefined,
  evaluatedAt: Date,
): Promise<void> {
  requireObject(evaluation, 'evaluation');
  requireDate(evaluatedAt, 'evaluatedAt');
  const services = serviceRows(evaluation, serviceIds, evaluatedAt);
  const clusters = clusterRows(evaluation, evaluatedAt);

  // Readers see the previous evaluation until the commit, then all of the new one.
  await knex.transaction(async trx => {
    await trx(TABLES.serviceResults).delete();
    for (const batch of chunk(services, INSERT_BATCH)) {
      await trx(TABLES.serviceResults).insert(batch);
    }
    await trx(TABLES.clusterResults).delete();
    for (const batch of chunk(clusters, INSERT_BATCH)) {
      await trx(TABLES.clusterResults).insert(batch);
    }
    await setMetaIn(
      trx,
      META_EVALUATED_AT,
      evaluatedAt.toISOString(),
      evaluatedAt,
    );
    await setMetaIn(trx, META_AS_OF, evaluation.asOf ?? null, evaluatedAt);
  });
}

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
