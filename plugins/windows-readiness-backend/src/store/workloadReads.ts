import type { Knex } from 'knex';
import {
  compareStatus,
  emptyStatusCounts,
  type StatusCounts,
  type Cluster,
  type Fit,
  type ServiceStatus,
  type Workload,
  type WorkloadResult,
} from '@winready/plugin-windows-readiness-common';
import { TABLES, parseJson, requiredIsoTimestamp, whereValueIn } from './db';
import { getMeta } from './meta';
import { META_RESULTS_VERSION } from './clusterEvaluations';
import { requireClusterName } from './validation';
import type {
  ServiceDay,
  StoredUnownedWorkload,
  StoredWorkload,
  StoredWorkloadPlacement,
} from './WindowsReadinessStore';

/**
 * One cluster's stored workloads with their verdicts and services, row by row
 * (a what-if judges them again): `onRow` may wait, so that parsing a large
 * cluster never holds the event loop for long.
 */
export async function forEachClusterWorkload(
  knex: Knex,
  cluster: string,
  onRow: (workload: StoredWorkload) => void | Promise<void>,
): Promise<void> {
  requireClusterName(cluster, 'cluster name');
  const links: Array<{ workload: string; service: string }> = await knex(
    TABLES.workloadServices,
  )
    .where('cluster', cluster)
    .select('workload', 'service');
  const services = new Map<string, string[]>();
  for (const link of links) {
    services.set(link.workload, [
      ...(services.get(link.workload) ?? []),
      link.service,
    ]);
  }
  const rows = await knex(TABLES.workloadResults)
    .where('cluster', cluster)
    .select('workload', 'result', 'workload_json')
    .orderBy('workload');
  for (const row of rows) {
    await onRow({
      key: row.workload,
      serviceIds: services.get(row.workload) ?? [],
      result: parseJson<Omit<WorkloadResult, 'serviceId'>>(
        row.result,
        {} as any,
      ),
      workload: parseJson<Workload>(row.workload_json, {} as any),
    });
  }
}

/** Verdicts of the workloads no catalog entity maps to (no workload JSON). */
export async function listUnownedWorkloads(
  knex: Knex,
): Promise<StoredUnownedWorkload[]> {
  const rows = await knex(TABLES.workloadResults)
    .where('owned', false)
    .select('result', 'evaluated_at')
    .orderBy(['cluster', 'namespace', 'kind', 'name']);
  return rows.map(row => ({
    result: parseJson<Omit<WorkloadResult, 'serviceId'>>(row.result, {} as any),
    evaluatedAt: requiredIsoTimestamp(row.evaluated_at),
  }));
}

/** Per cluster, the workloads no catalog entity maps to, by status. */
export async function unownedWorkloadCounts(
  knex: Knex,
): Promise<Map<string, StatusCounts>> {
  const rows: Array<{ cluster: string; status: string; count: unknown }> =
    await knex(TABLES.workloadResults)
      .where('owned', false)
      .select('cluster', 'status')
      .count({ count: '*' })
      .groupBy(['cluster', 'status']);
  const byCluster = new Map<string, StatusCounts>();
  for (const row of rows) {
    const counts = byCluster.get(row.cluster) ?? emptyStatusCounts();
    counts[row.status as ServiceStatus] += Number(row.count);
    byCluster.set(row.cluster, counts);
  }
  return byCluster;
}

/** Every workload's pools and services. The verdict JSON is read for its pools only. */
export async function listWorkloadPlacements(
  knex: Knex,
): Promise<StoredWorkloadPlacement[]> {
  const [rows, links] = await Promise.all([
    knex(TABLES.workloadResults).select('cluster', 'workload', 'result'),
    knex(TABLES.workloadServices).select('cluster', 'workload', 'service'),
  ]);
  const services = new Map<string, string[]>();
  for (const link of links) {
    const key = `${link.cluster}\u0000${link.workload}`;
    services.set(key, [...(services.get(key) ?? []), link.service]);
  }
  const none = { selected: [], eligible: [], compatible: [], runsOn: [] };
  return rows.map(row => ({
    cluster: row.cluster,
    serviceIds: services.get(`${row.cluster}\u0000${row.workload}`) ?? [],
    pools: parseJson<Partial<WorkloadResult>>(row.result, {}).pools ?? none,
  }));
}

/** Verdicts only (no workload JSON) of the named services' workloads in every cluster. */
export async function workloadResultsOfServices(
  knex: Knex,
  ids: readonly string[],
): Promise<Map<string, WorkloadResult[]>> {
  const byService = new Map<string, WorkloadResult[]>();
  if (ids.length === 0) return byService;
  const rows = await whereValueIn(
    knex,
    knex(`${TABLES.workloadServices} as l`)
      .join(`${TABLES.workloadResults} as w`, function on() {
        this.on('w.cluster', '=', 'l.cluster').andOn(
          'w.workload',
          '=',
          'l.workload',
        );
      })
      .select('l.service', 'w.result'),
    'l.service',
    ids,
  );
  for (const row of rows) {
    byService.set(row.service, [
      ...(byService.get(row.service) ?? []),
      { ...parseJson(row.result, {} as any), serviceId: row.service },
    ]);
  }
  return byService;
}

/** Each service's status now, overall and per cluster (the worst of its workloads there). */
export async function serviceDays(knex: Knex): Promise<ServiceDay[]> {
  const [services, links] = await Promise.all([
    knex(TABLES.serviceResults).select('id', 'status').orderBy('id'),
    knex(TABLES.workloadServices).select('service', 'cluster', 'status'),
  ]);
  const perCluster = new Map<string, Map<string, ServiceStatus>>();
  for (const link of links) {
    const clusters =
      perCluster.get(link.service) ?? new Map<string, ServiceStatus>();
    const previous = clusters.get(link.cluster);
    if (!previous || compareStatus(link.status, previous) > 0) {
      clusters.set(link.cluster, link.status);
    }
    perCluster.set(link.service, clusters);
  }
  return services
    .filter(row => row.status && perCluster.has(row.id))
    .map(row => ({
      service: row.id,
      status: row.status as ServiceStatus,
      clusters: [...perCluster.get(row.id)!.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, status]) => ({ name, status })),
    }));
}

/** Per service with a Windows workload: its worst fit per Windows OS SKU. */
export async function serviceSkuFits(
  knex: Knex,
): Promise<Map<string, Record<string, Fit>>> {
  const rows = await knex(TABLES.serviceResults)
    .whereNotNull('sku_fit')
    .select('id', 'sku_fit');
  return new Map(rows.map(row => [row.id, JSON.parse(row.sku_fit)]));
}

/** Every image reference a stored workload names. */
export async function imagesInUse(knex: Knex): Promise<string[]> {
  const rows: string[] = await knex(TABLES.workloadResults).pluck('images');
  const images = new Set<string>();
  for (const text of rows) {
    for (const image of parseJson<string[]>(text, [])) images.add(image);
  }
  return [...images];
}

/** A number that changes whenever stored results change. */
export async function resultsVersion(knex: Knex): Promise<number> {
  const entry = await getMeta(knex, META_RESULTS_VERSION);
  return typeof entry?.value === 'number' ? entry.value : 0;
}

/** The pools, Nodes and RuntimeClasses of a cluster as last evaluated. */
export async function clusterFacts(
  knex: Knex,
  name: string,
): Promise<Cluster | undefined> {
  requireClusterName(name, 'cluster name');
  const row = await knex(TABLES.clusterResults)
    .where('name', name)
    .select('facts')
    .first();
  return row?.facts ? (JSON.parse(row.facts) as Cluster) : undefined;
}
