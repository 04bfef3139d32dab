import type { ManifestCheckResult } from '@winready/plugin-windows-readiness-common';
import { formatCheckGithub } from './github';
import { formatCheckSarif } from './sarif';
import { formatCheckTable } from './table';

export const CHECK_FORMATS = ['json', 'table', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** `winready check --format`: the same result, for a terminal, a script, code scanning or Actions. */
export function formatCheck(
  format: CheckFormat,
  result: ManifestCheckResult,
  version: string,
): string {
  switch (format) {
    case 'table':
      return formatCheckTable(result);
    case 'sarif':
      return formatCheckSarif(result, version);
    case 'github':
      return formatCheckGithub(result);
    default:
      return `${JSON.stringify(result, null, 2)}\n`;
  }
}
