import {
  csvRow,
  type TaintWhatIfImpact,
  type TaintWhatIfResult,
} from '@winready/plugin-windows-readiness-common';
import { dayOf, oneLine } from './common';
import { prettyJson } from './json';
import { cell, escapeMarkdown, fenced, table } from './markdown';
import { renderTextTable } from './textTable';

/** The outputs of `what-if --add-taint | --remove-taint`. */

const NONE = '-';

function change(result: TaintWhatIfResult): string {
  if (result.change === 'add') return `got the taint ${result.taint}`;
  return result.taint.includes(':')
    ? `lost the taint ${result.taint}`
    : `lost its taints with key ${result.taint}`;
}

function alreadyAppliedNote(result: TaintWhatIfResult): string {
  const { pool, taint } = result;
  if (result.change === 'add') {
    return `${pool} has this taint already: the pool without it is compared with the pool with it.`;
  }
  return taint.includes(':')
    ? `${pool} does not have this taint: the pool with it is compared with the pool without it.`
    : `${pool} has no taint with key ${taint}: nothing changes.`;
}

/** What an already-applied change compares, or why nothing moves. */
function notes(result: TaintWhatIfResult): string[] {
  const lines = result.alreadyApplied ? [alreadyAppliedNote(result)] : [];
  if (result.impacted.length === 0 && /:PreferNoSchedule$/.test(result.taint)) {
    lines.push(
      'PreferNoSchedule only steers the scheduler: it keeps no workload off.',
    );
  }
  return lines;
}

function placement(impact: TaintWhatIfImpact): string {
  return impact.nodes === undefined
    ? impact.placement
    : `${impact.placement} (${impact.nodes} node${
        impact.nodes === 1 ? '' : 's'
      })`;
}

/** Each toleration handed out, once, with the workloads that need it. */
function tolerations(
  result: TaintWhatIfResult,
): Array<{ yaml: string; ids: string[] }> {
  const byYaml = new Map<string, string[]>();
  for (const impact of result.impacted) {
    if (!impact.toleration) continue;
    byYaml.set(impact.toleration, [
      ...(byYaml.get(impact.toleration) ?? []),
      impact.id,
    ]);
  }
  return [...byYaml].map(([yaml, ids]) => ({ yaml, ids }));
}

/** The contract JSON: the TaintWhatIfResult as the engine gives it. */
export function* formatTaintWhatIfJson(
  result: TaintWhatIfResult,
): Generator<string> {
  yield* prettyJson(result);
  yield '\n';
}

/** The workloads the change moves, one row per reason, then the toleration to add. */
export function formatTaintWhatIfTable(result: TaintWhatIfResult): string {
  const title = `What if ${result.cluster}/${result.pool} ${change(
    result,
  )} (as of ${dayOf(result.asOf)})`;
  const head = [`${title}:`, ...notes(result)].join('\n');
  if (result.impacted.length === 0) {
    return `${head}\nNo workload changes placement.\n`;
  }
  const rows = result.impacted.flatMap(impact => {
    const reasons = impact.reasons.length ? impact.reasons : [NONE];
    return reasons.map((reason, index) =>
      index === 0
        ? [
            impact.id,
            impact.owner ?? NONE,
            placement(impact),
            impact.before,
            impact.after,
            impact.toleration ? 'yes' : NONE,
            oneLine(reason),
          ]
        : ['', '', '', '', '', '', oneLine(reason)],
    );
  });
  const sections = [
    `${head}\n${renderTextTable(
      [
        'WORKLOAD',
        'OWNER',
        'PLACEMENT',
        'BEFORE',
        'AFTER',
        'TOLERATION',
        'REASONS',
      ],
      rows,
    )}`,
    ...tolerations(result).map(
      ({ yaml }) =>
        `Workloads with TOLERATION yes keep ${result.pool} with this toleration (in the pod template's spec, or a chart's values):\n${yaml}`,
    ),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** One row per impacted workload and reason, for spreadsheets and scripts. */
export function* formatTaintWhatIfCsv(
  result: TaintWhatIfResult,
): Generator<string> {
  yield csvRow([
    'workload',
    'kind',
    'namespace',
    'owner',
    'placement',
    'before',
    'after',
    'nodes',
    'toleration',
    'reason',
  ]);
  for (const impact of result.impacted) {
    for (const reason of impact.reasons.length ? impact.reasons : ['']) {
      yield csvRow([
        impact.id,
        impact.kind,
        impact.namespace,
        impact.owner ?? '',
        impact.placement,
        impact.before,
        impact.after,
        impact.nodes === undefined ? '' : String(impact.nodes),
        impact.toleration ?? '',
        reason,
      ]);
    }
  }
}

/** A section to paste into an issue or a change request before tainting the pool. */
export function formatTaintWhatIfMarkdown(result: TaintWhatIfResult): string {
  const sections = [
    `# What if ${escapeMarkdown(
      `${result.cluster}/${result.pool}`,
    )} ${escapeMarkdown(change(result))}`,
    [`As of ${dayOf(result.asOf)}.`, ...notes(result)]
      .map(escapeMarkdown)
      .join(' '),
    result.impacted.length
      ? table(
          ['Workload', 'Owner', 'Placement', 'Before', 'After', 'Reasons'],
          result.impacted.map(impact => [
            cell(impact.id),
            cell(impact.owner ?? ''),
            cell(placement(impact)),
            impact.before,
            impact.after,
            impact.reasons.map(cell).join('<br>') || NONE,
          ]),
        )
      : 'No workload changes placement.',
    ...tolerations(result).map(
      ({ yaml, ids }) =>
        `## Toleration to keep ${escapeMarkdown(result.pool)}\n\n${ids
          .map(id => `- ${escapeMarkdown(id)}`)
          .join('\n')}\n\n${fenced(yaml, 'yaml')}`,
    ),
  ];
  return `${sections.join('\n\n')}\n`;
}
