import { useCallback, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  workloadRowFilter,
  workloadStatusCounts,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { windowsReadinessApiRef } from '../../api';
import { formatAge } from '../common';
import { ExportButtons } from '../ReadinessReportPage/ExportButtons';
import { ReportTrendChart } from '../ReportTrendChart';
import { StatusTiles } from '../ReadinessReportPage/StatusTiles';
import { useWorkloadFilters } from './useWorkloadFilters';
import { WorkloadFilterBar } from './WorkloadFilterBar';
import { WorkloadGroups } from './WorkloadGroups';
import { workloadFilterOptions } from './workloadGroups';

/** A 403: the caller may not read cluster data (windows-readiness.report.read). */
export function isNotAllowed(error: unknown): boolean {
  const e = error as
    | { name?: string; statusCode?: number; response?: { status?: number } }
    | undefined;
  return (
    e?.name === 'NotAllowedError' ||
    e?.statusCode === 403 ||
    e?.response?.status === 403
  );
}

export interface UnownedWorkloadsViewProps {
  now?: Date;
}

/**
 * Workloads that no catalog entity maps to (monitoring agents, CSI drivers,
 * third-party charts), by cluster and namespace, with the report's filters
 * and export. Fetched whole once and filtered in the browser with the
 * backend's own rule (common `workloadRowFilter`); the export asks the
 * backend with the same filters.
 */
export function UnownedWorkloadsView(props: UnownedWorkloadsViewProps) {
  const { now } = props;
  const api = useApi(windowsReadinessApiRef);
  const [filters, setFilters] = useWorkloadFilters();
  const all = useAsync(() => api.getWorkloads(), [api]);
  const rows = all.value?.items;

  const shown = useMemo(
    () => rows?.filter(workloadRowFilter(filters)),
    [rows, filters],
  );
  const counts = useMemo(
    () =>
      rows &&
      workloadStatusCounts(
        rows.filter(workloadRowFilter(filters, { ignoreStatus: true })),
      ),
    [rows, filters],
  );
  const options = useMemo(
    () => workloadFilterOptions(rows ?? [], filters.cluster),
    [rows, filters.cluster],
  );
  const onStatus = useCallback(
    (status: ServiceStatus[] | undefined) => setFilters({ status }),
    [setFilters],
  );
  const exporter = useCallback(
    (format: 'csv' | 'json') => api.exportWorkloads(filters, format),
    [api, filters],
  );

  if (all.error && isNotAllowed(all.error)) {
    return (
      <Typography variant="body2" color="textSecondary">
        Workloads without a catalog entity are cluster data: reading them takes
        the windows-readiness.report.read permission.
      </Typography>
    );
  }
  if (all.error) return <ResponseErrorPanel error={all.error} />;
  if (!all.value || !shown || !counts) return <Progress />;

  if (!rows!.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        Every collected workload maps to a catalog entity: there is none without
        one.
      </Typography>
    );
  }
  const evaluatedAt = all.value.evaluatedAt;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body2">
          Workloads that no catalog entity maps to: agents, drivers, ingress
          controllers and third-party charts, judged with the same checks. Their
          owner comes from windowsReadiness.namespaceOwners where a namespace is
          mapped.
        </Typography>
      </Grid>
      <Grid item xs={12}>
        <StatusTiles
          noun="workloads"
          counts={counts}
          selected={filters.status ?? []}
          onChange={onStatus}
        />
      </Grid>
      <Grid item xs={12}>
        <WorkloadFilterBar
          filters={filters}
          options={options}
          onChange={setFilters}
        />
      </Grid>
      <Grid item xs={12}>
        <Box display="flex" justifyContent="space-between" alignItems="center">
          <Typography variant="subtitle1" component="h2">
            Workloads ({shown.length.toLocaleString('en-US')}
            {shown.length !== rows!.length &&
              ` of ${rows!.length.toLocaleString('en-US')}`}
            ){' '}
            {evaluatedAt && (
              <Typography
                component="span"
                variant="body2"
                color="textSecondary"
              >
                Evaluated {formatAge(evaluatedAt, now ?? new Date())}
              </Typography>
            )}
          </Typography>
          <ExportButtons
            exporter={exporter}
            fileNamePrefix="windows-readiness-workloads"
            now={now && (() => now)}
          />
        </Box>
        <WorkloadGroups rows={shown} />
      </Grid>
      <Grid item xs={12}>
        {/* Recorded per cluster and day: it follows the cluster filter only. */}
        <ReportTrendChart
          dimension="unowned"
          historyKey={filters.cluster}
          title={`Trend: workloads without a catalog entity${
            filters.cluster ? ` in ${filters.cluster}` : ''
          }`}
        />
      </Grid>
    </Grid>
  );
}
