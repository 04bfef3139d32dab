import { useMemo, type ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { blueGrey, green, grey, orange, red } from '@material-ui/core/colors';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  SERVICE_STATUSES,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { windowsReadinessApiRef } from '../../api';
import { STATUS_LABELS } from '../common';
import { signedChange, trendPoints, type TrendPoint } from './trendData';

export const STATUS_COLORS: Record<ServiceStatus, string> = {
  blocked: red[600],
  'at-risk': orange[600],
  unknown: grey[500],
  ready: green[600],
  'not-applicable': blueGrey[200],
};

export interface ReportTrendChartProps {
  /**
   * `all` (default), or one owner or cluster with `historyKey`; `unowned`:
   * the workloads no entity maps to, of one cluster or (no key) of all.
   */
  dimension?: 'all' | 'owner' | 'cluster' | 'unowned';
  historyKey?: string;
  title?: string;
  height?: number;
}

function TrendSummary(props: { points: TrendPoint[] }) {
  const first = props.points[0];
  const last = props.points[props.points.length - 1];
  const days = props.points.length;
  const parts = SERVICE_STATUSES.filter(s => last[s] || first[s]).map(
    s => `${STATUS_LABELS[s]} ${last[s]} (${signedChange(last[s] - first[s])})`,
  );
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid="trend-summary"
    >
      {days === 1
        ? `${last.day}: `
        : `${first.day} to ${last.day} (${days} days), latest: `}
      {parts.join(', ') || 'no services'}
    </Typography>
  );
}

/**
 * Services per status over the days, as stacked areas; a single day (a fresh
 * install) as one stacked bar, since an area needs two days to be drawn.
 */
export function ReportTrendChart(props: ReportTrendChartProps) {
  const {
    dimension = 'all',
    historyKey,
    title = 'Trend',
    height = 260,
  } = props;
  const api = useApi(windowsReadinessApiRef);
  const { value, loading, error } = useAsync(
    () =>
      api.getHistory(
        dimension === 'all' ? { dimension } : { dimension, key: historyKey },
      ),
    [api, dimension, historyKey],
  );
  const points = useMemo(() => (value ? trendPoints(value) : []), [value]);

  let body: ReactNode;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!points.length) {
    body = (
      <EmptyState
        missing="data"
        title="No history yet"
        description="A day's counts are recorded after each evaluation."
      />
    );
  } else {
    body = (
      <>
        <ResponsiveContainer
          width="100%"
          height={height}
          initialDimension={{ width: 600, height }}
        >
          {points.length > 1 ? (
            <AreaChart data={points}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {SERVICE_STATUSES.map(status => (
                <Area
                  key={status}
                  type="monotone"
                  dataKey={status}
                  name={STATUS_LABELS[status]}
                  stackId="services"
                  stroke={STATUS_COLORS[status]}
                  fill={STATUS_COLORS[status]}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          ) : (
            <BarChart data={points} barSize={64}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {SERVICE_STATUSES.map(status => (
                <Bar
                  key={status}
                  dataKey={status}
                  name={STATUS_LABELS[status]}
                  stackId="services"
                  fill={STATUS_COLORS[status]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
        <TrendSummary points={points} />
      </>
    );
  }
  return <InfoCard title={title}>{body}</InfoCard>;
}
