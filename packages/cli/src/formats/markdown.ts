import type {
  CheckResult,
  WhatIfResult,
} from '@winready/plugin-windows-readiness-common';
import {
  byConcern,
  dayOf,
  issuesOf,
  oneLine,
  type EvaluationReport,
} from './common';

/** Escapes what Markdown would read as markup, so messages show verbatim. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, char => `\\${char}`);
}

/** A table cell: one line, escaped, `-` when empty. */
export function cell(text: string): string {
  return escapeMarkdown(oneLine(text)) || '-';
}

/** A Markdown table of rows of cells. */
export function table(headers: string[], rows: string[][]): string {
  return [headers, headers.map(() => '---'), ...rows]
    .map(row => `| ${row.join(' | ')} |`)
    .join('\n');
}

/** A fence longer than any backtick run inside, so snippets cannot end it. */
export function fenced(code: string, language = ''): string {
  const longestRun = Math.max(
    0,
    ...(code.match(/`+/g) ?? []).map(run => run.length),
  );
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${code.replace(/\n$/, '')}\n${fence}`;
}

function checkSection(check: CheckResult): string {
  const parts = [
    `- \`${check.id}\` (${check.result}): ${escapeMarkdown(
      oneLine(check.message),
    )}`,
  ];
  if (check.remediation) {
    parts.push(`  ${escapeMarkdown(oneLine(check.remediation.summary))}`);
    if (check.remediation.snippet) {
      const code = fenced(
        check.remediation.snippet,
        check.remediation.snippetLanguage,
      );
      // Indented so that the block belongs to the list item.
      parts.push(code.replace(/^/gm, '  '));
    }
  }
  return parts.join('\n\n');
}

function ids(checks: CheckResult[]): string {
  return checks.map(check => `\`${check.id}\``).join(', ') || '-';
}

/** A report to paste into an issue, a wiki page or a pull request. */
export function formatEvaluationMarkdown(report: EvaluationReport): string {
  const services = byConcern(report.services);
  // Rule 8: an unknown service says what could not be told, too.
  const toFix = services.filter(
    s =>
      s.status === 'blocked' ||
      s.status === 'at-risk' ||
      s.status === 'unknown',
  );
  const sections = [
    '# Windows readiness report',
    `As of ${dayOf(report.asOf)}: ${report.summary.total} services in ${
      report.clusters.length
    } clusters.`,
    table(
      ['Status', 'Services'],
      Object.entries(report.summary.byStatus).map(([status, count]) => [
        status,
        String(count),
      ]),
    ),
    '## Services',
    services.length
      ? table(
          ['Service', 'Status', 'Issues', 'Clusters'],
          services.map(s => [
            cell(s.id),
            s.status,
            ids(issuesOf(s.checks)),
            cell(s.clusters.join(', ')),
          ]),
        )
      : 'No services found.',
    ...toFix.flatMap(service => [
      `## ${escapeMarkdown(service.id)} (${service.status})`,
      issuesOf(service.checks).map(checkSection).join('\n\n'),
    ]),
    '## Clusters',
    table(
      ['Cluster', 'Pools', 'Issues', 'Errors'],
      report.clusters.map(c => [
        cell(c.name),
        cell(c.pools.map(p => `${p.name} (${p.osSku ?? p.osType})`).join(', ')),
        ids(issuesOf(c.checks)),
        cell(c.errors.map(e => `${e.source}: ${e.message}`).join('; ')),
      ]),
    ),
    ...report.clusters
      .filter(c => issuesOf(c.checks).length > 0)
      .flatMap(c => [
        `### ${escapeMarkdown(c.name)}`,
        issuesOf(c.checks).map(checkSection).join('\n\n'),
      ]),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** The services a pool move makes worse, as a Markdown table. */
export function formatWhatIfMarkdown(result: WhatIfResult): string {
  const sections = [
    `# What if ${escapeMarkdown(
      `${result.cluster}/${result.pool}`,
    )} runs ${escapeMarkdown(result.toOsSku)}`,
    // Cluster and SKU names are any string: escaped, not put in code spans.
    `Moving pool ${escapeMarkdown(result.pool)} of cluster ${escapeMarkdown(
      result.cluster,
    )} from ${escapeMarkdown(
      result.fromOsSku ?? 'its OS SKU',
    )} to ${escapeMarkdown(result.toOsSku)}, as of ${dayOf(result.asOf)}.`,
    result.impacted.length
      ? table(
          ['Service', 'Before', 'After', 'Reasons'],
          result.impacted.map(impact => [
            cell(impact.id),
            impact.before,
            impact.after,
            impact.reasons.map(cell).join('<br>') || '-',
          ]),
        )
      : 'No service gets worse.',
  ];
  return `${sections.join('\n\n')}\n`;
}
