import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { StatusWarning } from '@backstage/core-components';
import type {
  ClusterState,
  SourceError,
} from '@winready/plugin-windows-readiness-common';
import { formatAge, formatCollected } from './formatAge';
import { IconLabel } from './IconLabel';

export interface DataFreshnessProps {
  clusterStates: ClusterState[];
  /** Fallback when no cluster says when it was collected. */
  evaluatedAt?: string;
  /** One line per cluster instead of the oldest collection only. */
  perCluster?: boolean;
  now?: Date;
}

function oldest(states: ClusterState[]): string | undefined {
  const times = states.map(s => s.collectedAt).filter(Boolean) as string[];
  return times.sort()[0];
}

function describeError(error: SourceError): string {
  const code = error.statusCode ? ` ${error.statusCode}` : '';
  const path = error.resourcePath ? ` on ${error.resourcePath}` : '';
  return `${error.source} ${error.errorType}${code}${path}: ${error.message}`;
}

/** When the data was collected, and a marker for clusters whose last read failed. */
export function DataFreshness(props: DataFreshnessProps) {
  const { clusterStates, evaluatedAt, perCluster } = props;
  const now = props.now ?? new Date();
  const collectedAt = oldest(clusterStates) ?? evaluatedAt;
  const stale = clusterStates.filter(s => s.stale);
  return (
    <Box>
      {perCluster && clusterStates.length > 0 ? (
        clusterStates.map(s => (
          <Typography key={s.name} variant="body2" title={s.collectedAt}>
            {s.name}: {formatCollected(s.collectedAt, now).toLocaleLowerCase()}
          </Typography>
        ))
      ) : (
        <Typography variant="body2" color="textSecondary" title={collectedAt}>
          {formatCollected(collectedAt, now)}
        </Typography>
      )}
      {stale.map(s => (
        <Box key={s.name} mt={1} data-testid="stale-marker">
          <IconLabel icon={<StatusWarning />}>
            Stale: the last read of {s.name}
            {s.attemptedAt ? ` (${formatAge(s.attemptedAt, now)})` : ''} failed;
            this shows its data from {formatAge(s.collectedAt, now)}.
          </IconLabel>
          {s.errors.map((error, i) => (
            <Typography key={i} variant="caption" component="div">
              {describeError(error)}
            </Typography>
          ))}
        </Box>
      ))}
    </Box>
  );
}
