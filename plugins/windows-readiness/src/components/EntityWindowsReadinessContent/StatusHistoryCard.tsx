import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { windowsReadinessApiRef } from '../../api';
import { historyPoints } from './historyPoints';
import { StatusHistoryChart } from './StatusHistoryChart';

/** The daily history of one service's status. */
export function StatusHistoryCard(props: { entityRef: string }) {
  const api = useApi(windowsReadinessApiRef);
  const { loading, value, error } = useAsync(
    () => api.getHistory({ dimension: 'service', key: props.entityRef }),
    [api, props.entityRef],
  );
  const points = value ? historyPoints(value.items) : [];
  let body: JSX.Element;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    // Needs the report permission; the rest of the tab works without it.
    body = (
      <Typography variant="body2" color="textSecondary">
        The history is not available: {error.message}
      </Typography>
    );
  } else if (points.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No history yet: a day is recorded at each evaluation.
      </Typography>
    );
  } else {
    body = <StatusHistoryChart points={points} />;
  }
  return <InfoCard title="Status over time">{body}</InfoCard>;
}
