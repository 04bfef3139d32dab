import {
  csvRow,
  reportRowChecks,
  type ReportRow,
} from '@winready/plugin-windows-readiness-common';
import type { MappedEntity } from '../catalog/EntityServiceMap';
import type { StoredServiceResult } from '../store';

export type { ReportRow };

export function toReportRow(
  stored: StoredServiceResult,
  entity: MappedEntity | undefined,
): ReportRow {
  return {
    entityRef: stored.id,
    title: entity?.title ?? stored.id,
    owner: entity?.owner,
    system: entity?.system,
    status: stored.status,
    clusters: stored.clusters,
    // docs/rules.md rule 8: unknown checks and their reasons next to the others.
    ...reportRowChecks(stored.result.checks),
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
  ['unknown', row => row.unknown.join(' ')],
  ['summary', row => row.summary ?? ''],
  [
    'unknownReasons',
    row =>
      row.unknown
        .map(id => `${id}: ${row.unknownReasons[id] ?? ''}`)
        .join(' | '),
  ],
  ['evaluatedAt', row => row.evaluatedAt],
];

export const CSV_HEADER = csvRow(CSV_COLUMNS.map(([name]) => name));

export function csvLine(row: ReportRow): string {
  return csvRow(CSV_COLUMNS.map(([, get]) => get(row)));
}
