import Typography from '@material-ui/core/Typography';
import type { PoolWorkloadCounts } from '@winready/plugin-windows-readiness-common';

const LINES: Array<{
  key: keyof PoolWorkloadCounts;
  label: string;
  title: string;
}> = [
  { key: 'on', label: 'on it', title: 'Workloads with pods on its nodes now' },
  {
    key: 'eligible',
    label: 'eligible',
    title:
      'Workloads that select it and tolerate its taints: they may land there',
  },
  {
    key: 'blocked',
    label: 'blocked',
    title:
      'Workloads that select it but are kept off by a taint or cannot start their images there',
  },
];

/**
 * A pool's workloads (every workload of the cluster, owned or not): on it,
 * eligible, blocked. Blocked is no alarm by itself: a taint that keeps Linux
 * pods without a selector off a Windows pool blocks them on purpose.
 */
export function PoolWorkloads(props: { counts?: PoolWorkloadCounts }) {
  const { counts } = props;
  if (!counts) return <>–</>;
  return (
    <>
      {LINES.map(line => (
        <Typography
          key={line.key}
          variant="body2"
          title={line.title}
          data-testid={`pool-workloads-${line.key}`}
        >
          {counts[line.key].toLocaleString('en-US')} {line.label}
        </Typography>
      ))}
    </>
  );
}
