import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  CHECK_IDS,
  SERVICE_STATUSES,
  type CheckId,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import type { ReportFilters } from '../../api';

const TEXT_KEYS = ['owner', 'system', 'cluster'] as const;
const LIST_KEYS = ['status', 'check'] as const;

function parseList<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
): T[] | undefined {
  const values = params
    .getAll(key)
    .flatMap(value => value.split(','))
    .map(value => value.trim())
    .filter((value): value is T => allowed.includes(value as T));
  // Keep the canonical order so equal filters give equal keys.
  const unique = allowed.filter(value => values.includes(value));
  return unique.length ? unique : undefined;
}

/** The report filters in a query string (unknown values are dropped). */
export function parseReportFilters(params: URLSearchParams): ReportFilters {
  const filters: ReportFilters = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const status = parseList<ServiceStatus>(params, 'status', SERVICE_STATUSES);
  if (status) filters.status = status;
  const check = parseList<CheckId>(params, 'check', CHECK_IDS);
  if (check) filters.check = check;
  return filters;
}

/** Writes filters into a copy of `params`, keeping unrelated parameters. */
export function writeReportFilters(
  params: URLSearchParams,
  filters: ReportFilters,
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

/** A stable string for effect dependencies. */
export function reportFiltersKey(filters: ReportFilters): string {
  return writeReportFilters(new URLSearchParams(), filters).toString();
}

/**
 * Report filters kept in the URL: a reload or a shared link keeps them, and
 * every change is a history entry, so the back button undoes it.
 */
export function useReportFilters(): [
  ReportFilters,
  (patch: Partial<ReportFilters> | null) => void,
] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => parseReportFilters(params), [key]);
  // `null` clears every filter; a key set to undefined clears that filter.
  const update = useCallback(
    (patch: Partial<ReportFilters> | null) =>
      setParams(current =>
        writeReportFilters(
          current,
          patch ? { ...parseReportFilters(current), ...patch } : {},
        ),
      ),
    [setParams],
  );
  return [filters, update];
}
