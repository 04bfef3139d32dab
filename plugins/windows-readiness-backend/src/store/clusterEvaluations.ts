import type { Knex } from 'knex';
import {
  mergeServiceResult,
  worseSkuFit,
  type Fit,
  type ServiceStatus,
  type WorkloadResult,
} from '@winready/plugin-windows-readiness-common';
import {
  INSERT_BATCH,
  TABLES,
  chunk,
  isPostgres,
  parseJson,
  whereValueIn,
} from './db';
import { setMetaIn } from './meta';
import { META_AS_OF, META_EVALUATED_AT } from './results';
import { saveClusterCollectionIn } from './snapshots';
import { InputError } from '@backstage/errors';
import {
  firstDuplicate,
  requireArray,
  requireClusterName,
  requireDate,
  requireName,
  requireStatus,
} from './validation';
import type {
  ClusterEvaluationInput,
  ServiceChange,
} from './WindowsReadinessStore';

/** Bumped by every commit of results: the report's ETag. */
export const META_RESULTS_VERSION = 'results.version';

function workloadRows(input: ClusterEvaluationInput, evaluatedAt: Date) {
  const cluster = input.cluster.name;
  requireArray(input.workloads, `cluster ${cluster} workloads`);
  const duplicate = firstDuplicate(input.workloads.map(w => w.key));
  if (duplicate !== undefined) {
    throw new InputError(`Workload ${duplicate} appears twice in ${cluster}`);
  }
  return input.workloads.map(workload => ({
    cluster,
    workload: requireName(workload.key, 'workload key', 1024),
    kind: workload.result.kind,
    namespace: workload.result.namespace,
    name: workload.result.name,
    status: requireStatus(workload.result.status, `status of ${workload.key}`),
    owned: workload.serviceIds.length > 0,
    images: JSON.stringify(workload.result.images),
    result: JSON.stringify(workload.result),
    sku_fit: workload.skuFit ? JSON.stringify(workload.skuFit) : null,
    workload_json: JSON.stringify(workload.workload),
    evaluated_at: evaluatedAt,
  }));
}

function linkRows(input: ClusterEvaluationInput) {
  const cluster = input.cluster.name;
  return input.workloads.flatMap(workload =>
    [...new Set(workload.serviceIds)].map(service => ({
      service: requireName(service, `service of ${workload.key}`),
      cluster,
      workload: workload.key,
      status: workload.result.status,
    })),
  );
}

/**
 * Re-merges the named services from their workloads in every cluster, as
 * the caller's transaction sees them, and says how each status changed.
 * On PostgreSQL the service rows are locked first (in id order), so that two
 * replicas committing clusters that share a service merge one after the
 * other, each from the other's committed workloads.
 */
async function mergeServices(
  trx: Knex.Transaction,
  ids: readonly string[],
  evaluatedAt: Date,
): Promise<ServiceChange[]> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return [];
  const existing = new Map<string, ServiceStatus>();
  const read = () =>
    whereValueIn(
      trx,
      trx(TABLES.serviceResults).select('id', 'status', 'result'),
      'id',
      sorted,
    ).orderBy('id');
  if (isPostgres(trx)) {
    for (const batch of chunk(sorted, INSERT_BATCH)) {
      // An empty result marks a row this merge creates.
      await trx(TABLES.serviceResults)
        .insert(
          batch.map(id => ({
            id,
            status: 'unknown',
            result: '',
            clusters: '',
            evaluated_at: evaluatedAt,
          })),
        )
        .onConflict('id')
        .ignore();
    }
    for (const row of await read().forUpdate()) {
      if (row.result !== '') existing.set(row.id, row.status);
    }
  } else {
    for (const row of await read()) existing.set(row.id, row.status);
  }

  const links = await whereValueIn(
    trx,
    trx(`${TABLES.workloadServices} as l`)
      .join(`${TABLES.workloadResults} as w`, function on() {
        this.on('w.cluster', '=', 'l.cluster').andOn(
          'w.workload',
          '=',
          'l.workload',
        );
      })
      .select('l.service', 'w.result', 'w.sku_fit'),
    'l.service',
    sorted,
  );
  const byService = new Map<
    string,
    { workloads: WorkloadResult[]; skuFit?: Record<string, Fit> }
  >();
  for (const link of links) {
    const entry = byService.get(link.service) ?? { workloads: [] };
    entry.workloads.push({
      ...parseJson<Omit<WorkloadResult, 'serviceId'>>(link.result, {} as any),
      serviceId: link.service,
    });
    if (link.sku_fit) {
      entry.skuFit = worseSkuFit(entry.skuFit ?? {}, JSON.parse(link.sku_fit));
    }
    byService.set(link.service, entry);
  }

  const changes: ServiceChange[] = [];
  const upserts: Array<Record<string, unknown>> = [];
  const gone: string[] = [];
  for (const id of sorted) {
    const entry = byService.get(id);
    const before = existing.get(id);
    if (!entry) {
      gone.push(id);
      if (before) changes.push({ id, before });
      continue;
    }
    // Stable order: a service's workloads by cluster, then kind/namespace/name.
    entry.workloads.sort(
      (a, b) =>
        a.cluster.localeCompare(b.cluster) ||
        `${a.kind}/${a.namespace}/${a.name}`.localeCompare(
          `${b.kind}/${b.namespace}/${b.name}`,
        ),
    );
    const service = mergeServiceResult(id, entry.workloads);
    upserts.push({
      id,
      status: service.status,
      result: JSON.stringify(service),
      clusters: service.clusters.join(','),
      sku_fit: entry.skuFit ? JSON.stringify(entry.skuFit) : null,
      evaluated_at: evaluatedAt,
    });
    if (before !== service.status) {
      changes.push({ id, before, after: service.status });
    }
  }
  for (const batch of chunk(upserts, INSERT_BATCH)) {
    await trx(TABLES.serviceResults).insert(batch).onConflict('id').merge();
  }
  if (gone.length > 0) {
    await whereValueIn(trx, trx(TABLES.serviceResults), 'id', gone).delete();
  }
  return changes;
}

async function bumpVersion(trx: Knex.Transaction, evaluatedAt: Date) {
  const row = await trx(TABLES.meta).where('key', META_RESULTS_VERSION).first();
  const version = Number(parseJson<number>(row?.value, 0)) + 1;
  await setMetaIn(trx, META_RESULTS_VERSION, version, evaluatedAt);
}

async function servicesOfCluster(
  trx: Knex.Transaction,
  cluster: string,
): Promise<string[]> {
  return trx(TABLES.workloadServices)
    .where('cluster', cluster)
    .distinct('service')
    .pluck('service');
}

async function clearCluster(trx: Knex.Transaction, cluster: string) {
  await trx(TABLES.workloadServices).where('cluster', cluster).delete();
  await trx(TABLES.workloadResults).where('cluster', cluster).delete();
}

/**
 * One cluster's collection and evaluation, all or nothing: its snapshot (when
 * collected; a failed collection keeps the previous one and marks it stale),
 * its workloads' verdicts, its cluster result, and the merged rows of every
 * service it had or has a workload of. Returns how those services changed.
 */
export async function saveClusterEvaluation(
  knex: Knex,
  input: ClusterEvaluationInput,
  evaluatedAt: Date,
): Promise<ServiceChange[]> {
  const name = requireClusterName(input.cluster.name, 'cluster name');
  requireDate(evaluatedAt, 'evaluatedAt');
  const workloads = workloadRows(input, evaluatedAt);
  const links = linkRows(input);
  return knex.transaction(async trx => {
    if (input.collection) {
      await saveClusterCollectionIn(
        trx,
        input.collection.cluster,
        input.collection.outcome,
        input.collection.collectedBy,
      );
    }
    const affected = new Set(await servicesOfCluster(trx, name));
    links.forEach(link => affected.add(link.service));
    await clearCluster(trx, name);
    for (const batch of chunk(workloads, INSERT_BATCH)) {
      await trx(TABLES.workloadResults).insert(batch);
    }
    for (const batch of chunk(links, INSERT_BATCH)) {
      await trx(TABLES.workloadServices).insert(batch);
    }
    await trx(TABLES.clusterResults)
      .insert({
        name,
        result: JSON.stringify(input.cluster),
        facts: JSON.stringify(input.facts),
        evaluated_at: evaluatedAt,
      })
      .onConflict('name')
      .merge();
    const changes = await mergeServices(trx, [...affected], evaluatedAt);
    await setMetaIn(
      trx,
      META_EVALUATED_AT,
      evaluatedAt.toISOString(),
      evaluatedAt,
    );
    await setMetaIn(trx, META_AS_OF, input.asOf, evaluatedAt);
    await bumpVersion(trx, evaluatedAt);
    return changes;
  });
}

/** Forgets clusters that vanished from every source: snapshot, workloads and results; re-merges their services. */
export async function removeClusters(
  knex: Knex,
  names: readonly string[],
  at: Date,
): Promise<ServiceChange[]> {
  if (names.length === 0) return [];
  return knex.transaction(async trx => {
    const affected = new Set<string>();
    for (const name of names) {
      (await servicesOfCluster(trx, name)).forEach(id => affected.add(id));
      await clearCluster(trx, name);
      await trx(TABLES.clusterResults).where('name', name).delete();
      await trx(TABLES.clusterSnapshots).where('name', name).delete();
    }
    const changes = await mergeServices(trx, [...affected], at);
    await bumpVersion(trx, at);
    return changes;
  });
}
