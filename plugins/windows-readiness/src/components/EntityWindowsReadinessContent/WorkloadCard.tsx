import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import type {
  PoolSummary,
  ServiceStatus,
  WorkloadResult,
} from '@winready/plugin-windows-readiness-common';
import { StatusChip } from '../common';
import { CheckDetails } from './CheckDetails';
import { PoolSets } from './PoolSets';
import { WhatIfPanel } from './WhatIfPanel';

export interface WorkloadCardProps {
  workload: WorkloadResult;
  clusterPools?: PoolSummary[];
  targetsFor: (cluster: string, pool?: PoolSummary) => string[];
  entityIds: string[];
  /** The service's status (the what-ifs compare with it). */
  status: ServiceStatus;
}

/** One workload in one cluster: every check with its evidence, and what-ifs. */
export function WorkloadCard(props: WorkloadCardProps) {
  const { workload } = props;
  const title = `${workload.kind} ${workload.namespace}/${workload.name}`;
  return (
    <InfoCard title={title} subheader={`Cluster ${workload.cluster}`}>
      <Box data-testid={`workload-${workload.cluster}-${workload.name}`}>
        <StatusChip status={workload.status} sentence />
        <Box mt={2}>
          <Typography variant="subtitle2">Images</Typography>
          {workload.images.map(image => (
            <Typography key={image} variant="body2">
              <code>{image}</code>
            </Typography>
          ))}
        </Box>
        <Box mt={2}>
          <Typography variant="subtitle2">Pools</Typography>
          <PoolSets pools={workload.pools} />
        </Box>
        <Box mt={2}>
          <Typography variant="subtitle2" gutterBottom>
            Checks
          </Typography>
          {workload.checks.map(check => (
            <CheckDetails key={check.id} check={check} workload={title} />
          ))}
        </Box>
        <WhatIfPanel
          workload={workload}
          clusterPools={props.clusterPools}
          targetsFor={props.targetsFor}
          entityIds={props.entityIds}
          status={props.status}
        />
      </Box>
    </InfoCard>
  );
}
