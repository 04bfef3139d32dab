import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CheckId, ReportRow } from '../model';

/** The org-wide report's filters: the API's query parameters, the page's URL. */
export interface ReportRowFilters {
  owner?: string;
  system?: string;
  cluster?: string;
  status?: readonly string[];
  check?: readonly string[];
}

// Rows carry full refs; a filter may say `team-orders` for `group:default/team-orders`.
function fullRef(value: string, defaultKind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return value;
  }
}

/**
 * The rows the filters keep, as one predicate for the backend's report and
 * the page that filters the report it already has. `ignoreStatus` gives
 * the status tiles' counts, which stay under every other filter.
 */
export function reportRowFilter(
  filters: ReportRowFilters,
  options: { ignoreStatus?: boolean } = {},
): (row: ReportRow) => boolean {
  const owner = filters.owner && fullRef(filters.owner, 'group');
  const system = filters.system && fullRef(filters.system, 'system');
  const status = options.ignoreStatus ? undefined : filters.status;
  const { cluster, check } = filters;
  return row =>
    (!owner || row.owner === owner) &&
    (!system || row.system === system) &&
    (!cluster || row.clusters.includes(cluster)) &&
    (!status?.length || status.includes(row.status)) &&
    // A check filter finds the rows where that check fails, warns or cannot
    // tell (docs/rules.md rule 8); a backend older than `unknown` sends none.
    (!check?.length ||
      check.some(
        id =>
          row.failing.includes(id as CheckId) ||
          row.warning.includes(id as CheckId) ||
          (row.unknown ?? []).includes(id as CheckId),
      ));
}
