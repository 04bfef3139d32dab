import {
  csvRow,
  type ReportRow,
} from '@winready/plugin-windows-readiness-common';
import type { MappedEntity } from '../catalog/EntityServiceMap';
import type { StoredServiceResult } from '../store';

export type { ReportRow };

export function toReportRow(
  stored: StoredServiceResult,
  entity: MappedEntity | undefined,
): ReportRow {
  const checks = stored.result.checks;
  const first =
    checks.find(c => c.result === 'fail') ??
    checks.find(c => c.result === 'warn');
  return {
    entityRef: stored.id,
    title: entity?.title ?? stored.id,
    owner: entity?.owner,
    system: entity?.system,
    status: stored.status,
    clusters: stored.clusters,
    failing: checks.filter(c => c.result === 'fail').map(c => c.id),
    warning: checks.filter(c => c.result === 'warn').map(c => c.id),
    ...(first ? { summary: `${first.id}: ${first.message}` } : {}),
    evaluatedAt: stored.evaluatedAt,
  };
}

const CSV_COLUMNS: Array<[string, (row: ReportRow) => string]> = [
  ['entity', row => row.entityRef],
  ['title', row => row.title],
  ['owner', row => row.owner ?? ''],
  ['system', row => row.system ?? ''],
  ['status', row => row.status],
  ['clusters', row => row.clusters.join(' ')],
  ['failing', row => row.failing.join(' ')],
  ['warning', row => row.warning.join(' ')],
  ['summary', row => row.summary ?? ''],
  ['evaluatedAt', row => row.evaluatedAt],
];

export const CSV_HEADER = csvRow(CSV_COLUMNS.map(([name]) => name));

export function csvLine(row: ReportRow): string {
  return csvRow(CSV_COLUMNS.map(([, get]) => get(row)));
}
