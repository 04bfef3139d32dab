import type { CheckResult, CheckResultValue, ServiceStatus } from '../model';

// fail > warn > unknown > pass > skip: a service takes the worst of its workloads.
const RESULT_RANK: Record<CheckResultValue, number> = {
  skip: 0,
  pass: 1,
  unknown: 2,
  warn: 3,
  fail: 4,
};

// not-applicable < ready < unknown < at-risk < blocked (what-if ordering).
const STATUS_RANK: Record<ServiceStatus, number> = {
  'not-applicable': 0,
  ready: 1,
  unknown: 2,
  'at-risk': 3,
  blocked: 4,
};

export const SERVICE_STATUSES: readonly ServiceStatus[] = [
  'blocked',
  'at-risk',
  'unknown',
  'ready',
  'not-applicable',
];

export function worseResult(
  a: CheckResultValue,
  b: CheckResultValue,
): CheckResultValue {
  return RESULT_RANK[b] > RESULT_RANK[a] ? b : a;
}

export function compareStatus(a: ServiceStatus, b: ServiceStatus): number {
  return STATUS_RANK[a] - STATUS_RANK[b];
}

export function serviceStatus(
  checks: readonly Pick<CheckResult, 'result'>[],
  involvesWindows: boolean,
): ServiceStatus {
  const results = new Set(checks.map(check => check.result));
  if (results.has('fail')) return 'blocked';
  if (results.has('warn')) return 'at-risk';
  if (results.has('unknown')) return 'unknown';
  return involvesWindows ? 'ready' : 'not-applicable';
}

/**
 * Per check id, the worst result over several workloads, with the evidence
 * of every workload that shares that worst result.
 */
export function worstPerCheck(
  perWorkload: ReadonlyArray<{ label: string; checks: readonly CheckResult[] }>,
): CheckResult[] {
  const worst = new Map<string, CheckResult>();
  const order: string[] = [];
  for (const { label, checks } of perWorkload) {
    for (const check of checks) {
      const current = worst.get(check.id);
      const message =
        perWorkload.length > 1 ? `${label}: ${check.message}` : check.message;
      if (!current) {
        order.push(check.id);
        worst.set(check.id, {
          ...check,
          message,
          evidence: [...check.evidence],
        });
      } else if (RESULT_RANK[check.result] > RESULT_RANK[current.result]) {
        worst.set(check.id, {
          ...check,
          message,
          evidence: [...check.evidence],
        });
      } else if (check.result === current.result && check.result !== 'skip') {
        current.evidence.push(...check.evidence);
        if (current.result !== 'pass') current.message += ` ${message}`;
        current.remediation ??= check.remediation;
      }
    }
  }
  return order.map(id => worst.get(id)!);
}
