import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  PoolSummary,
  WorkloadResult,
} from '@winready/plugin-windows-readiness-common';
import { WhatIfPoolRow } from './WhatIfPoolRow';

export const DEFAULT_TARGET_OS_SKUS = [
  'Windows2019',
  'Windows2022',
  'Windows2025',
  'WindowsAnnual',
];

export interface WhatIfPanelProps {
  workload: WorkloadResult;
  /** The cluster's pools from `getClusters()`, when the user may read them. */
  clusterPools?: PoolSummary[];
  targetOsSkus: string[];
  entityIds: string[];
}

/** A what-if for each Windows pool the workload runs on or can land on. */
export function WhatIfPanel(props: WhatIfPanelProps) {
  const { workload, clusterPools, targetOsSkus, entityIds } = props;
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
            defaultTarget={
              pool?.successorOsSku && targetOsSkus.includes(pool.successorOsSku)
                ? pool.successorOsSku
                : undefined
            }
            targetOsSkus={targetOsSkus}
            entityIds={entityIds}
          />
        );
      })}
    </Box>
  );
}
