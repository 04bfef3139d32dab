import type { CheckResult, ReportRow } from '../model';

/** The parts of a report row that come from a service's checks. */
export type ReportRowChecks = Pick<
  ReportRow,
  'failing' | 'warning' | 'unknown' | 'unknownReasons' | 'summary'
>;

/** Why a check could not tell, and what would settle it, in one sentence. */
export function unknownReason(check: CheckResult): string {
  const settle = check.remediation?.summary;
  return settle && !check.message.includes(settle)
    ? `${check.message} ${settle}`
    : check.message;
}

/**
 * docs/rules.md rule 8: a report row lists its unknown checks with their reasons
 * next to the failing and warning ones, so that a service is never `unknown`
 * without saying what could not be told.
 */
export function reportRowChecks(
  checks: readonly CheckResult[],
): ReportRowChecks {
  const ids = (result: CheckResult['result']) =>
    checks.filter(c => c.result === result).map(c => c.id);
  const unknown = checks.filter(c => c.result === 'unknown');
  const first =
    checks.find(c => c.result === 'fail') ??
    checks.find(c => c.result === 'warn') ??
    unknown[0];
  return {
    failing: ids('fail'),
    warning: ids('warn'),
    unknown: unknown.map(c => c.id),
    unknownReasons: Object.fromEntries(
      unknown.map(c => [c.id, unknownReason(c)]),
    ),
    ...(first
      ? {
          summary: `${first.id}: ${
            first.result === 'unknown' ? unknownReason(first) : first.message
          }`,
        }
      : {}),
  };
}
