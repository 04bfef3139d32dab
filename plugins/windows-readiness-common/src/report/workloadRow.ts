import type {
  CheckId,
  ServiceStatus,
  WorkloadOwnerSource,
  WorkloadResult,
  WorkloadRow,
} from '../model';
import { csvRow } from './csv';
import { reportRowChecks } from './reportRowChecks';

/** `Kind namespace/name`: how kubectl and the evidence name a workload. */
export function workloadId(workload: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  return `${workload.kind} ${workload.namespace}/${workload.name}`;
}

/** A stored workload verdict as the workloads list shows it. */
export function toWorkloadRow(
  result: Omit<WorkloadResult, 'serviceId'>,
  services: readonly string[],
  owner: { owner?: string; ownerSource?: WorkloadOwnerSource },
  evaluatedAt: string,
): WorkloadRow {
  const { failing, warning, unknown, summary } = reportRowChecks(result.checks);
  return {
    id: workloadId(result),
    cluster: result.cluster,
    namespace: result.namespace,
    kind: result.kind,
    name: result.name,
    services: [...services],
    ...(owner.owner
      ? { owner: owner.owner, ownerSource: owner.ownerSource }
      : {}),
    status: result.status,
    involvesWindows: result.involvesWindows,
    images: result.images,
    pools: result.pools,
    failing,
    warning,
    unknown,
    ...(summary ? { summary } : {}),
    evaluatedAt,
  };
}

/** The workloads list's filters: the API's query parameters, the page's URL. */
export interface WorkloadRowFilters {
  cluster?: string;
  namespace?: string;
  owner?: string;
  status?: readonly string[];
  check?: readonly string[];
  /** Case-insensitive text in the id, cluster, owner or an image. */
  q?: string;
}

/** One predicate for the backend's list and the page; `ignoreStatus` gives the per-status counts. */
export function workloadRowFilter(
  filters: WorkloadRowFilters,
  options: { ignoreStatus?: boolean } = {},
): (row: WorkloadRow) => boolean {
  const { cluster, namespace, owner, check } = filters;
  const status = options.ignoreStatus ? undefined : filters.status;
  const q = filters.q?.trim().toLowerCase();
  return row =>
    (!cluster || row.cluster === cluster) &&
    (!namespace || row.namespace === namespace) &&
    (!owner || row.owner === owner) &&
    (!status?.length || status.includes(row.status)) &&
    (!check?.length ||
      check.some(id =>
        [row.failing, row.warning, row.unknown].some(list =>
          list.includes(id as CheckId),
        ),
      )) &&
    (!q ||
      [row.id, row.cluster, row.owner ?? '', ...row.images].some(text =>
        text.toLowerCase().includes(q),
      ));
}

/** Rows per status, every status present. */
export function workloadStatusCounts(
  rows: Iterable<WorkloadRow>,
): Record<ServiceStatus, number> {
  const counts: Record<ServiceStatus, number> = {
    blocked: 0,
    'at-risk': 0,
    unknown: 0,
    ready: 0,
    'not-applicable': 0,
  };
  for (const row of rows) counts[row.status]++;
  return counts;
}

const WORKLOAD_CSV_COLUMNS: Array<[string, (row: WorkloadRow) => string]> = [
  ['cluster', row => row.cluster],
  ['namespace', row => row.namespace],
  ['kind', row => row.kind],
  ['name', row => row.name],
  ['owner', row => row.owner ?? ''],
  ['ownerSource', row => row.ownerSource ?? ''],
  ['services', row => row.services.join(' ')],
  ['status', row => row.status],
  ['images', row => row.images.join(' ')],
  ['runsOn', row => row.pools.runsOn.join(' ')],
  ['eligible', row => row.pools.eligible.join(' ')],
  ['failing', row => row.failing.join(' ')],
  ['warning', row => row.warning.join(' ')],
  ['unknown', row => row.unknown.join(' ')],
  ['summary', row => row.summary ?? ''],
  ['evaluatedAt', row => row.evaluatedAt],
];

export const WORKLOAD_CSV_HEADER = csvRow(
  WORKLOAD_CSV_COLUMNS.map(([name]) => name),
);

/** One CSV line of the workloads export (formulas neutralised by csvRow). */
export function workloadCsvLine(row: WorkloadRow): string {
  return csvRow(WORKLOAD_CSV_COLUMNS.map(([, get]) => get(row)));
}
