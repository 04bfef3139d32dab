import type { WhatIfResult } from '@winready/plugin-windows-readiness-common';
import { checkText, type EvaluationReport } from './common';

/**
 * RFC 4180: a field holding a quote, comma or line break is quoted, with
 * its quotes doubled; others stay bare so that the file reads well.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map(row => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** One row per service and check, for spreadsheets and scripts. */
export function formatEvaluationCsv(report: EvaluationReport): string {
  return csv([
    ['service', 'status', 'check', 'result', 'message'],
    ...report.services.flatMap(service =>
      service.checks.map(check => [
        service.id,
        service.status,
        check.id,
        check.result,
        checkText(check),
      ]),
    ),
  ]);
}

/** One row per impacted service and reason. */
export function formatWhatIfCsv(result: WhatIfResult): string {
  return csv([
    ['service', 'before', 'after', 'reason'],
    ...result.impacted.flatMap(impact =>
      (impact.reasons.length ? impact.reasons : ['']).map(reason => [
        impact.id,
        impact.before,
        impact.after,
        reason,
      ]),
    ),
  ]);
}
