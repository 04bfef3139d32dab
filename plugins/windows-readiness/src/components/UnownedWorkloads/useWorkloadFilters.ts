import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ServiceStatus } from '@winready/plugin-windows-readiness-common';
import { parseReportFilters } from '../ReadinessReportPage/useReportFilters';

/** The workloads' filters, as the page's address keeps them. */
export interface WorkloadPageFilters {
  cluster?: string;
  namespace?: string;
  owner?: string;
  status?: ServiceStatus[];
  /** Check ids (unknown ones are dropped when read from the address). */
  check?: string[];
  /** Text in the id, cluster, owner or an image. */
  q?: string;
}

const TEXT_KEYS = ['cluster', 'namespace', 'owner', 'q'] as const;
const LIST_KEYS = ['status', 'check'] as const;

/** The filters in a query string (unknown statuses and checks are dropped). */
export function parseWorkloadFilters(
  params: URLSearchParams,
): WorkloadPageFilters {
  // Status and check as the services report reads them (lists, by commas).
  const { status, check } = parseReportFilters(params);
  const filters: WorkloadPageFilters = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  if (status) filters.status = status;
  if (check) filters.check = check;
  return filters;
}

/** Writes filters into a copy of `params`, keeping unrelated parameters. */
export function writeWorkloadFilters(
  params: URLSearchParams,
  filters: WorkloadPageFilters,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of [...TEXT_KEYS, ...LIST_KEYS]) next.delete(key);
  for (const key of TEXT_KEYS) {
    if (filters[key]) next.set(key, filters[key]!);
  }
  for (const key of LIST_KEYS) {
    if (filters[key]?.length) next.set(key, filters[key]!.join(','));
  }
  return next;
}

/**
 * Filters kept in the URL, as the services report keeps its own: a shared
 * link opens the same list. `null` clears them all; the search box replaces
 * the history entry instead of adding one per keystroke.
 */
export function useWorkloadFilters(): [
  WorkloadPageFilters,
  (patch: Partial<WorkloadPageFilters> | null) => void,
] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => parseWorkloadFilters(params), [key]);
  const update = useCallback(
    (patch: Partial<WorkloadPageFilters> | null) =>
      setParams(
        current =>
          writeWorkloadFilters(
            current,
            patch ? { ...parseWorkloadFilters(current), ...patch } : {},
          ),
        { replace: !!patch && Object.keys(patch).join() === 'q' },
      ),
    [setParams],
  );
  return [filters, update];
}
