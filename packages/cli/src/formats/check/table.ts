import type { ManifestCheckResult } from '@winready/plugin-windows-readiness-common';
import { issuesOf } from '../common';
import { renderTextTable } from '../textTable';
import { headline, workloadRef } from './findings';

const NONE = '-';

/** A terminal table: one row per workload, where it is, its status and what to look at first. */
export function formatCheckTable(result: ManifestCheckResult): string {
  const rows = result.workloads.map(workload => {
    const issues = issuesOf(workload.checks);
    return [
      `${workload.file}:${workload.line}`,
      workloadRef(workload),
      workload.status,
      issues.map(check => check.id).join(', ') || NONE,
      issues[0]?.message ?? NONE,
    ];
  });
  const pools = result.cluster.pools.map(pool => [
    pool.name,
    pool.osSku ?? pool.osType,
    pool.windowsBuild ?? NONE,
    pool.taints.join(', ') || NONE,
  ]);
  return `${[
    headline(result),
    '',
    renderTextTable(
      ['location', 'workload', 'status', 'issues', 'first issue'],
      rows,
    ),
    '',
    renderTextTable(['pool', 'os sku', 'windows build', 'taints'], pools),
  ].join('\n')}\n`;
}
