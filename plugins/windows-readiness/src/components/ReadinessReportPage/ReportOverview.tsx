import { useCallback, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { ServiceStatus } from '@winready/plugin-windows-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { windowsReadinessApiRef, type ReportFilters } from '../../api';
import { formatAge } from '../common';
import {
  ReportTrendChart,
  type ReportTrendChartProps,
} from '../ReportTrendChart';
import { RetirementCalendar } from '../RetirementCalendar';
import { ExportButtons } from './ExportButtons';
import { FilterBar } from './FilterBar';
import { OwnerTable, ownerLabel } from './OwnerTable';
import {
  filterOptions,
  scopeReport,
  statusCountsIgnoringStatus,
} from './reportRows';
import { ServicesTable } from './ServicesTable';
import { StatusTiles } from './StatusTiles';
import { useReportFilters } from './useReportFilters';

/** The trend follows the owner, else the cluster filter (history keys). */
function trendScope(filters: ReportFilters): ReportTrendChartProps {
  if (filters.owner) return { dimension: 'owner', historyKey: filters.owner };
  if (filters.cluster) {
    return { dimension: 'cluster', historyKey: filters.cluster };
  }
  return { dimension: 'all' };
}

function trendTitle(trend: ReportTrendChartProps): string {
  if (trend.dimension === 'owner' && trend.historyKey) {
    return `Trend: ${ownerLabel(trend.historyKey)}`;
  }
  return trend.historyKey ? `Trend: ${trend.historyKey}` : 'Trend';
}

export interface ReportOverviewProps {
  now?: Date;
}

/** Tiles, filters, services, owners, trend and retirements of the report. */
export function ReportOverview(props: ReportOverviewProps) {
  const { now } = props;
  const api = useApi(windowsReadinessApiRef);
  const [filters, setFilters] = useReportFilters();

  // The whole report, once: the filters apply in the browser, as the backend
  // would apply them (the export asks the backend with the same filters).
  const all = useAsync(() => api.getReport({}), [api]);
  const allValue = all.value;
  const scoped = useMemo(
    () => (allValue ? scopeReport(allValue.items, filters) : undefined),
    [allValue, filters],
  );

  const options = useMemo(
    () => filterOptions(allValue?.items ?? []),
    [allValue],
  );
  const counts = useMemo(
    () =>
      allValue
        ? statusCountsIgnoringStatus(allValue.items, filters)
        : undefined,
    [allValue, filters],
  );
  const onStatus = useCallback(
    (status: ServiceStatus[] | undefined) => setFilters({ status }),
    [setFilters],
  );
  const onOwner = useCallback(
    (owner: string) => setFilters({ owner }),
    [setFilters],
  );

  if (all.error) return <ResponseErrorPanel error={all.error} />;
  if (!allValue || !counts || !scoped) return <Progress />;
  if (allValue.total === 0) {
    return (
      <EmptyState
        missing="data"
        title="No service evaluated yet"
        description="Services appear once a cluster has been collected and a workload maps to a catalog entity."
      />
    );
  }

  const evaluated = allValue.evaluatedAt
    ? `Evaluated ${formatAge(allValue.evaluatedAt, now ?? new Date())}`
    : '';
  const trend = trendScope(filters);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <StatusTiles
          counts={counts}
          selected={filters.status ?? []}
          onChange={onStatus}
        />
      </Grid>
      <Grid item xs={12}>
        <FilterBar filters={filters} options={options} onChange={setFilters} />
      </Grid>
      <Grid item xs={12}>
        <Box display="flex" justifyContent="space-between" alignItems="center">
          <Typography variant="body2" color="textSecondary">
            {evaluated}
            {allValue.asOf && ` (dates as of ${allValue.asOf.slice(0, 10)})`}
          </Typography>
          <ExportButtons filters={filters} now={now && (() => now)} />
        </Box>
        <ServicesTable rows={scoped.items} />
      </Grid>
      {/* Seven columns: the owners need the page's whole width. */}
      <Grid item xs={12}>
        <OwnerTable byOwner={scoped.byOwner} onSelectOwner={onOwner} />
      </Grid>
      <Grid item xs={12}>
        <ReportTrendChart {...trend} title={trendTitle(trend)} />
      </Grid>
      <Grid item xs={12}>
        <RetirementCalendar now={now} cluster={filters.cluster} />
      </Grid>
    </Grid>
  );
}
