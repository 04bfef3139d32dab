import {
  emptyStatusCounts,
  type CheckId,
  type ReportRow,
  type ReportSummary,
  type StatusCounts,
} from '@winready/plugin-windows-readiness-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { ReportFilters } from '../../api';

// Rows carry full refs; a shared link may say `team-orders`, as the backend allows.
function fullRef(value: string, defaultKind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return value;
  }
}

/** The backend's report filters, applied to rows already fetched. */
export function matchesFilters(
  row: ReportRow,
  filters: ReportFilters,
  options: { ignoreStatus?: boolean } = {},
): boolean {
  if (filters.owner && row.owner !== fullRef(filters.owner, 'group')) {
    return false;
  }
  if (filters.system && row.system !== fullRef(filters.system, 'system')) {
    return false;
  }
  if (filters.cluster && !row.clusters.includes(filters.cluster)) return false;
  if (
    !options.ignoreStatus &&
    filters.status?.length &&
    !filters.status.includes(row.status)
  ) {
    return false;
  }
  if (
    filters.check?.length &&
    !filters.check.some(
      id =>
        row.failing.includes(id as CheckId) ||
        row.warning.includes(id as CheckId),
    )
  ) {
    return false;
  }
  return true;
}

/** Counts per status under every filter but status: the tiles' numbers. */
export function statusCountsIgnoringStatus(
  rows: readonly ReportRow[],
  filters: ReportFilters,
): StatusCounts {
  const counts = emptyStatusCounts();
  for (const row of rows) {
    if (matchesFilters(row, filters, { ignoreStatus: true })) {
      counts[row.status]++;
    }
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
 * (bench:ui), with the backend's rules (matchesFilters).
 */
export function scopeReport(
  rows: readonly ReportRow[],
  filters: ReportFilters,
): { items: ReportRow[]; byOwner: ReportSummary['byOwner'] } {
  const items = rows.filter(row => matchesFilters(row, filters));
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
