import {
  emptyStatusCounts,
  reportRowFilter,
  type ReportRow,
  type ReportSummary,
  type StatusCounts,
} from '@winready/plugin-windows-readiness-common';
import type { ReportFilters } from '../../api';

/** Counts per status under every filter but status: the tiles' numbers. */
export function statusCountsIgnoringStatus(
  rows: readonly ReportRow[],
  filters: ReportFilters,
): StatusCounts {
  const counts = emptyStatusCounts();
  const kept = reportRowFilter(filters, { ignoreStatus: true });
  for (const row of rows) {
    if (kept(row)) counts[row.status]++;
  }
  return counts;
}

export interface FilterOptions {
  owners: string[];
  systems: string[];
  clusters: string[];
}

export function filterOptions(rows: readonly ReportRow[]): FilterOptions {
  const owners = new Set<string>();
  const systems = new Set<string>();
  const clusters = new Set<string>();
  for (const row of rows) {
    if (row.owner) owners.add(row.owner);
    if (row.system) systems.add(row.system);
    row.clusters.forEach(cluster => clusters.add(cluster));
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    owners: sorted(owners),
    systems: sorted(systems),
    clusters: sorted(clusters),
  };
}

/**
 * The filtered part of a report already fetched whole: filtering in the
 * browser answers a click at once instead of asking the backend again
 * (bench:ui), with the backend's rules (common `reportRowFilter`).
 */
export function scopeReport(
  rows: readonly ReportRow[],
  filters: ReportFilters,
): { items: ReportRow[]; byOwner: ReportSummary['byOwner'] } {
  const items = rows.filter(reportRowFilter(filters));
  const byOwner: ReportSummary['byOwner'] = {};
  for (const row of items) {
    if (!row.owner) continue;
    byOwner[row.owner] ??= emptyStatusCounts();
    byOwner[row.owner][row.status]++;
  }
  return { items, byOwner };
}

export type OwnerRow = StatusCounts & { owner: string; total: number };

/** Owners, the most blocked first, then the most at risk. */
export function ownerRows(byOwner: ReportSummary['byOwner']): OwnerRow[] {
  return Object.entries(byOwner)
    .map(([owner, counts]) => ({
      owner,
      ...counts,
      total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    }))
    .sort(
      (a, b) =>
        b.blocked - a.blocked ||
        b['at-risk'] - a['at-risk'] ||
        a.owner.localeCompare(b.owner),
    );
}
