import {
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
    // DESIGN.md rule 8: unknown checks and their reasons next to the others.
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

// RFC 4180, and a leading = + - @ is neutralised so spreadsheets do not run it.
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = `${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`;

export function csvLine(row: ReportRow): string {
  return `${CSV_COLUMNS.map(([, get]) => csvCell(get(row))).join(',')}\r\n`;
}
