import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  PoolSummary,
  ServiceStatus,
  WorkloadResult,
} from '@winready/plugin-windows-readiness-common';
import { WhatIfPoolRow } from './WhatIfPoolRow';

export interface WhatIfPanelProps {
  workload: WorkloadResult;
  /** The cluster's pools from `getClusters()`, when the user may read them. */
  clusterPools?: PoolSummary[];
  /** The OS SKUs a pool of the workload's cluster could move to, the default first. */
  targetsFor: (cluster: string, pool?: PoolSummary) => string[];
  entityIds: string[];
  /** The service's status now, which a what-if that changes nothing keeps. */
  status: ServiceStatus;
}

/** A what-if for each Windows pool the workload runs on or can land on. */
export function WhatIfPanel(props: WhatIfPanelProps) {
  const { workload, clusterPools, targetsFor, entityIds, status } = props;
  const known = new Map(clusterPools?.map(p => [p.name, p]));
  const pools = [
    ...new Set([...workload.pools.runsOn, ...workload.pools.eligible]),
  ].filter(name => {
    const pool = known.get(name);
    // Without the cluster's pools, offer them all; the backend says no to Linux.
    return !pool || pool.osType === 'Windows';
  });
  if (!workload.involvesWindows || pools.length === 0) return null;
  return (
    <Box mt={2}>
      <Typography variant="h6" component="h3" gutterBottom>
        What if a pool moves to another Windows Server?
      </Typography>
      {pools.map(name => {
        const pool = known.get(name);
        return (
          <WhatIfPoolRow
            key={name}
            cluster={workload.cluster}
            pool={name}
            currentOsSku={pool?.osSku}
            targetOsSkus={targetsFor(workload.cluster, pool)}
            entityIds={entityIds}
            status={status}
          />
        );
      })}
    </Box>
  );
}
