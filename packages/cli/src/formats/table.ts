import type {
  ClusterResult,
  WhatIfResult,
} from '@winready/plugin-windows-readiness-common';
import {
  byConcern,
  checkText,
  dayOf,
  issuesOf,
  oneLine,
  type EvaluationReport,
} from './common';
import { renderTextTable } from './textTable';

const NONE = '-';

function poolRows(cluster: ClusterResult): string[][] {
  return cluster.pools.map(pool => [
    cluster.name,
    pool.name,
    pool.osSku ?? pool.osType,
    pool.windowsBuild ?? NONE,
    pool.taints.join(', ') || NONE,
    pool.services.join(', ') || NONE,
  ]);
}

function clusterRows(cluster: ClusterResult): string[][] {
  const issues = issuesOf(cluster.checks);
  return [
    [
      cluster.name,
      issues.map(check => check.id).join(', ') || NONE,
      issues[0]?.message ?? NONE,
    ],
    // Collection errors matter as much as checks: the data may be stale.
    ...cluster.errors.map(error => [
      '',
      `error (${error.source})`,
      `${error.errorType}: ${error.message}`,
    ]),
  ];
}

/** Aligned text tables for a terminal: services, pools, then clusters. */
export function formatEvaluationTable(report: EvaluationReport): string {
  const counts = Object.entries(report.summary.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);
  const services = byConcern(report.services).map(service => {
    const issues = issuesOf(service.checks);
    return [
      service.id,
      service.status,
      issues.map(check => check.id).join(', ') || NONE,
      issues[0] ? checkText(issues[0]) : NONE,
    ];
  });
  const sections = [
    `Windows readiness as of ${dayOf(report.asOf)}: ${
      report.summary.total
    } services${counts.length ? ` (${counts.join(', ')})` : ''}`,
    services.length
      ? renderTextTable(['SERVICE', 'STATUS', 'ISSUES', 'MESSAGE'], services)
      : 'No services found.',
    renderTextTable(
      ['CLUSTER', 'POOL', 'OS SKU', 'BUILD', 'TAINTS', 'SERVICES'],
      report.clusters.flatMap(poolRows),
    ),
    renderTextTable(
      ['CLUSTER', 'ISSUES', 'MESSAGE'],
      report.clusters.flatMap(clusterRows),
    ),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** The services a pool move makes worse, one row per reason. */
export function formatWhatIfTable(result: WhatIfResult): string {
  const title = `What if ${result.cluster}/${result.pool} moved from ${
    result.fromOsSku ?? 'its OS SKU'
  } to ${result.toOsSku} (as of ${dayOf(result.asOf)})`;
  if (result.impacted.length === 0) {
    return `${title}:\nNo service gets worse.\n`;
  }
  const rows = result.impacted.flatMap(impact => {
    const reasons = impact.reasons.length ? impact.reasons : [NONE];
    return reasons.map((reason, index) =>
      index === 0
        ? [impact.id, impact.before, impact.after, oneLine(reason)]
        : ['', '', '', oneLine(reason)],
    );
  });
  return `${title}:\n${renderTextTable(
    ['SERVICE', 'BEFORE', 'AFTER', 'REASONS'],
    rows,
  )}\n`;
}
