import {
  csvRow,
  type WhatIfResult,
} from '@winready/plugin-windows-readiness-common';
import { checkText, type EvaluationReport } from './common';

/** One row per service and check, for spreadsheets and scripts; row by row. */
export function* formatEvaluationCsv(
  report: EvaluationReport,
): Generator<string> {
  yield csvRow(['service', 'status', 'check', 'result', 'message']);
  for (const service of report.services) {
    for (const check of service.checks) {
      yield csvRow([
        service.id,
        service.status,
        check.id,
        check.result,
        checkText(check),
      ]);
    }
  }
}

/** One row per impacted service and reason. */
export function* formatWhatIfCsv(result: WhatIfResult): Generator<string> {
  yield csvRow(['service', 'before', 'after', 'reason']);
  for (const impact of result.impacted) {
    for (const reason of impact.reasons.length ? impact.reasons : ['']) {
      yield csvRow([impact.id, impact.before, impact.after, reason]);
    }
  }
}
