import { useCallback, useMemo } from 'react';
import Grid from '@material-ui/core/Grid';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { PoolSummary } from '@winready/plugin-windows-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { windowsReadinessApiRef } from '../../api';
import { ClusterPoolsCard } from './ClusterPoolsCard';
import { whatIfTargets } from './poolFacts';

export interface NodePoolsViewProps {
  /** Only this cluster. */
  cluster?: string;
  /** For the ages of collections (default: now). */
  now?: Date;
}

/** Every cluster's node pools, their builds, taints, services and what-if. */
export function NodePoolsView(props: NodePoolsViewProps) {
  const { cluster, now } = props;
  const api = useApi(windowsReadinessApiRef);
  const { value, loading, error } = useAsync(() => api.getClusters(), [api]);
  const all = useMemo(() => value?.items ?? [], [value]);
  const clusters = useMemo(
    () => all.filter(c => !cluster || c.name === cluster),
    [all, cluster],
  );
  const targets = useCallback(
    (pool: PoolSummary) => whatIfTargets(pool, all),
    [all],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!clusters.length) {
    return (
      <EmptyState
        missing="data"
        title={
          cluster ? `No cluster named ${cluster}` : 'No cluster collected yet'
        }
        description="Clusters appear here after the first collection."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      {clusters.map(c => (
        <Grid item xs={12} key={c.name}>
          <ClusterPoolsCard cluster={c} targets={targets} now={now} />
        </Grid>
      ))}
    </Grid>
  );
}
