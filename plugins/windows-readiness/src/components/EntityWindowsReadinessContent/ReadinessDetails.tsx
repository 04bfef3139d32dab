import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type {
  EntityReadinessResponse,
  PoolSummary,
} from '@winready/plugin-windows-readiness-common';
import { windowsReadinessApiRef } from '../../api';
import {
  BUILT_IN_WINDOWS_OS_SKUS,
  DataFreshness,
  StatusChip,
  moveTargets,
} from '../common';
import { StatusHistoryCard } from './StatusHistoryCard';
import { WorkloadCard } from './WorkloadCard';

export interface ReadinessDetailsProps {
  readiness: EntityReadinessResponse;
  entityRef: string;
  /** Only these OS SKUs in the what-ifs (default: every one AKS would accept). */
  targetOsSkus?: string[];
}

/** The tab's body once the entity's readiness has loaded. */
export function ReadinessDetails(props: ReadinessDetailsProps) {
  const { readiness, entityRef, targetOsSkus } = props;
  const api = useApi(windowsReadinessApiRef);
  // Pool OS SKUs for the what-ifs; optional (needs the report permission).
  const clusters = useAsync(() => api.getClusters(), [api]);
  const osSkus = useAsync(() => api.getOsSkus(), [api]);
  const clusterOf = (name: string) =>
    clusters.value?.items.find(c => c.name === name);
  const poolsOf = (cluster: string) => clusterOf(cluster)?.pools;
  const targetsFor = (cluster: string, pool?: PoolSummary) => {
    const targets = moveTargets(
      pool ?? {},
      osSkus.value?.items.filter(sku => sku.osType === 'Windows') ??
        BUILT_IN_WINDOWS_OS_SKUS,
      clusterOf(cluster)?.kubernetesVersion,
      new Date(),
    );
    return targetOsSkus
      ? targets.filter(sku => targetOsSkus.includes(sku))
      : targets;
  };
  const entityIds = [...new Set([readiness.id, entityRef])];
  const workloads = [...readiness.result.workloads].sort(
    (a, b) =>
      a.cluster.localeCompare(b.cluster) ||
      `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
  );
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <InfoCard title="Windows readiness">
          <StatusChip status={readiness.status} sentence />
          <Box mt={2}>
            <DataFreshness
              clusterStates={readiness.clusterStates}
              evaluatedAt={readiness.evaluatedAt}
              perCluster
            />
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <StatusHistoryCard entityRef={entityRef} />
      </Grid>
      {workloads.map(workload => (
        <Grid
          item
          xs={12}
          key={`${workload.cluster}/${workload.kind}/${workload.namespace}/${workload.name}`}
        >
          <WorkloadCard
            workload={workload}
            clusterPools={poolsOf(workload.cluster)}
            targetsFor={targetsFor}
            entityIds={entityIds}
            status={readiness.status}
          />
        </Grid>
      ))}
    </Grid>
  );
}
