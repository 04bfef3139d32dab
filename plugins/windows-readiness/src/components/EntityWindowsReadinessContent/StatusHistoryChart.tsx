import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { STATUS_LABELS } from '../common';
import { HistoryPoint, STATUS_LEVELS, daysByStatus } from './historyPoints';

const levelLabel = (level: number) => STATUS_LABELS[STATUS_LEVELS[level]] ?? '';

/** The service's status, one step a day. */
export function StatusHistoryChart(props: { points: HistoryPoint[] }) {
  const { points } = props;
  const summary = daysByStatus(points)
    .map(({ status, days }) => `${STATUS_LABELS[status]} on ${days}`)
    .join(', ');
  const latest = points[points.length - 1];
  return (
    <figure style={{ margin: 0 }}>
      <ResponsiveContainer
        width="100%"
        height={220}
        initialDimension={{ width: 480, height: 220 }}
      >
        <LineChart data={points} margin={{ left: 24, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" />
          <YAxis
            dataKey="level"
            domain={[0, STATUS_LEVELS.length - 1]}
            ticks={STATUS_LEVELS.map((_, i) => i)}
            tickFormatter={levelLabel}
            width={100}
          />
          <Tooltip
            formatter={(value: unknown) => [
              levelLabel(Number(value)),
              'Status',
            ]}
          />
          <Line
            type="stepAfter"
            dataKey="level"
            stroke="#1f5493"
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <Typography component="figcaption" variant="body2">
        Last {points.length} day{points.length === 1 ? '' : 's'}: {summary}.
        {latest && ` Latest (${latest.day}): ${STATUS_LABELS[latest.status]}.`}
      </Typography>
    </figure>
  );
}
