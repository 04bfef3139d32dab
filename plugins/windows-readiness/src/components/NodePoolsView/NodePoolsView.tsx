import { useCallback, useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { PoolSummary } from '@winready/plugin-windows-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { windowsReadinessApiRef } from '../../api';
import { BUILT_IN_WINDOWS_OS_SKUS, moveTargets } from '../common';
import type { TaintWhatIfLink } from '../TaintWhatIf';
import { ClusterPoolsCard } from './ClusterPoolsCard';
import { RefreshButton } from './RefreshButton';

function linkKey(cluster: string, link?: TaintWhatIfLink): string {
  return link?.cluster === cluster
    ? `${cluster}?${link.pool}&${link.change}&${link.taint}`
    : cluster;
}

export interface NodePoolsViewProps {
  /** Only this cluster. */
  cluster?: string;
  /** For the ages of collections (default: now). */
  now?: Date;
  /** A taint what-if to open (and run, if it names a taint), from a link. */
  taintWhatIf?: TaintWhatIfLink;
}

/** Every cluster's node pools, their builds, taints, services, workloads and what-ifs. */
export function NodePoolsView(props: NodePoolsViewProps) {
  const { cluster, now, taintWhatIf } = props;
  const api = useApi(windowsReadinessApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getClusters(),
    [api],
  );
  // The backend's OS SKU table, with the organisation's overrides.
  const osSkus = useAsync(() => api.getOsSkus(), [api]);
  const clusters = useMemo(
    () => (value?.items ?? []).filter(c => !cluster || c.name === cluster),
    [value, cluster],
  );
  const targets = useCallback(
    (pool: PoolSummary, kubernetesVersion: string | undefined) =>
      moveTargets(
        pool,
        osSkus.value?.items.filter(sku => sku.osType === 'Windows') ??
          BUILT_IN_WINDOWS_OS_SKUS,
        kubernetesVersion,
        now ?? new Date(),
      ),
    [osSkus.value, now],
  );

  // A reload keeps the cards on the page while it runs.
  if ((loading && !value) || osSkus.loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const refresh = <RefreshButton onRefreshed={retry} />;
  if (!clusters.length) {
    return (
      <EmptyState
        action={refresh}
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
      <Grid item xs={12}>
        <Box display="flex" justifyContent="flex-end">
          {refresh}
        </Box>
      </Grid>
      {clusters.map(c => (
        // A new link to a taint what-if opens afresh (the card keeps its state).
        <Grid item xs={12} key={linkKey(c.name, taintWhatIf)}>
          <ClusterPoolsCard
            cluster={c}
            targets={targets}
            now={now}
            taintLink={
              taintWhatIf?.cluster === c.name ? taintWhatIf : undefined
            }
          />
        </Grid>
      ))}
    </Grid>
  );
}
