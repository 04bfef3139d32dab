import type {
  CheckId,
  CheckResultValue,
  ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import { CHECKS } from '@winready/plugin-windows-readiness-common';

/** Short labels of the service statuses. */
export const STATUS_LABELS: Record<ServiceStatus, string> = {
  blocked: 'Blocked',
  'at-risk': 'At risk',
  unknown: 'Unknown',
  ready: 'Ready',
  'not-applicable': 'Not applicable',
};

/** What each status means for the service's owners, in plain words. */
export const STATUS_SENTENCES: Record<ServiceStatus, string> = {
  blocked: 'Blocked: its Windows containers cannot start',
  'at-risk':
    'At risk: its Windows containers run today, but something will break them',
  unknown:
    'Unknown: some facts (image platforms or pool builds) could not be read',
  ready: 'Ready: its Windows containers fit the pools they run on',
  'not-applicable': 'Not applicable: it runs no Windows containers',
};

/** Labels of the check results. */
export const RESULT_LABELS: Record<CheckResultValue, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  unknown: 'Unknown',
  skip: 'Skipped',
};

const TITLES = new Map<string, string>(CHECKS.map(c => [c.id, c.title]));

/** The catalog title of a check; its id when the catalog does not know it. */
export function checkTitle(id: CheckId | string): string {
  return TITLES.get(id) ?? id;
}
