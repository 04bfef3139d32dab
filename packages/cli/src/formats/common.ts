import {
  compareStatus,
  unknownReason,
  type CheckResult,
  type CheckResultValue,
  type EvaluationResult,
  type ReportSummary,
  type ServiceResult,
} from '@winready/plugin-windows-readiness-common';

/** What `evaluate` prints: the evaluator's result plus the report summary. */
export interface EvaluationReport extends EvaluationResult {
  summary: ReportSummary;
}

const ISSUE_ORDER: Partial<Record<CheckResultValue, number>> = {
  fail: 0,
  warn: 1,
  unknown: 2,
};

/** The checks worth reading first: fail, then warn, then unknown. */
export function issuesOf(checks: readonly CheckResult[]): CheckResult[] {
  return checks
    .filter(check => ISSUE_ORDER[check.result] !== undefined)
    .sort((a, b) => ISSUE_ORDER[a.result]! - ISSUE_ORDER[b.result]!);
}

/** What a check says: for one that cannot tell, also what would settle it. */
export function checkText(check: CheckResult): string {
  return check.result === 'unknown' ? unknownReason(check) : check.message;
}

/** Worst status first, then by id: the order a reader triages in. */
export function byConcern(services: readonly ServiceResult[]): ServiceResult[] {
  return [...services].sort(
    (a, b) => compareStatus(b.status, a.status) || a.id.localeCompare(b.id),
  );
}

/** The calendar day of an ISO instant, which is all `--at` can set. */
export function dayOf(isoInstant: string): string {
  return isoInstant.slice(0, 10);
}

/** Collapses line breaks so that a value stays in its table cell. */
export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}
