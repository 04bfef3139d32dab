import type { ManifestCheckResult } from '@winready/plugin-windows-readiness-common';
import { formatCheckGithub } from './github';
import { formatCheckSarif } from './sarif';
import { formatCheckTable } from './table';
import type { CheckFormat } from './formats';

export { CHECK_FORMATS, type CheckFormat } from './formats';

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
