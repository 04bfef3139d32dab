import type { ManifestCheckResult } from '@winready/plugin-windows-readiness-common';
import { findingsOf, findingText, headline } from './findings';

const COMMAND = { fail: 'error', warn: 'warning', unknown: 'notice' } as const;

// GitHub's workflow command escaping (actions/toolkit, core/src/command.ts).
const escapeData = (text: string) =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) =>
  escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: an `::error`, `::warning` or `::notice`
 * annotation on the file and line of each workload's failing, warning or
 * unknown check, then a plain summary line.
 */
export function formatCheckGithub(result: ManifestCheckResult): string {
  const lines = findingsOf(result).map(finding => {
    const { workload, check } = finding;
    const command = COMMAND[check.result as keyof typeof COMMAND];
    const properties = [
      `file=${escapeProperty(workload.file)}`,
      `line=${workload.line}`,
      `title=${escapeProperty(`winready ${check.id}`)}`,
    ].join(',');
    return `::${command} ${properties}::${escapeData(findingText(finding))}`;
  });
  return `${[...lines, `winready: ${headline(result)}`].join('\n')}\n`;
}
