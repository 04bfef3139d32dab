import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import type { PoolSummary } from '@winready/plugin-windows-readiness-common';
import { DataFreshness } from '../common';
import type { ClusterItem } from './poolFacts';
import { PoolTaints } from './PoolTaints';
import { ServiceRefList } from './ServiceRefList';
import { WhatIfPanel } from './WhatIfPanel';

const COLUMNS = 7;

function describeError(error: ClusterItem['errors'][number]): string {
  const code = error.statusCode ? ` ${error.statusCode}` : '';
  const path = error.resourcePath ? ` on ${error.resourcePath}` : '';
  return `${error.source} ${error.errorType}${code}${path}: ${error.message}`;
}

function PoolRow(props: {
  cluster: string;
  pool: PoolSummary;
  targets: (pool: PoolSummary) => string[];
}) {
  const { cluster, pool, targets } = props;
  const [open, setOpen] = useState(false);
  const windows = pool.osType === 'Windows';
  return (
    <>
      <TableRow data-testid={`pool-${cluster}-${pool.name}`}>
        <TableCell>
          <strong>{pool.name}</strong>
          <Typography variant="caption" display="block" color="textSecondary">
            {[pool.mode, pool.count !== undefined && `${pool.count} nodes`]
              .filter(Boolean)
              .join(', ')}
          </Typography>
        </TableCell>
        <TableCell>
          {pool.osType}
          {pool.osSku && ` / ${pool.osSku}`}
        </TableCell>
        <TableCell>
          {windows ? pool.windowsBuild ?? 'unknown' : '–'}
          {pool.windowsBuildName && (
            <Typography variant="caption" display="block">
              {pool.windowsBuildName}
            </Typography>
          )}
          {pool.windowsBuildSource && (
            <Typography variant="caption" display="block" color="textSecondary">
              from {pool.windowsBuildSource}
            </Typography>
          )}
        </TableCell>
        <TableCell style={{ wordBreak: 'break-all' }}>
          {pool.nodeImageVersion ?? '–'}
        </TableCell>
        <TableCell>
          <PoolTaints pool={pool} />
        </TableCell>
        <TableCell>
          <ServiceRefList services={pool.services} />
        </TableCell>
        <TableCell>
          {windows && (
            <Button
              size="small"
              variant="outlined"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              What if…
            </Button>
          )}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={COLUMNS}>
            <WhatIfPanel
              cluster={cluster}
              pool={pool}
              targets={targets(pool)}
            />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

export interface ClusterPoolsCardProps {
  cluster: ClusterItem;
  targets: (pool: PoolSummary) => string[];
  now?: Date;
}

/** One cluster: freshness, errors, and its pools with their services. */
export function ClusterPoolsCard(props: ClusterPoolsCardProps) {
  const { cluster, targets, now } = props;
  return (
    <InfoCard
      title={cluster.name}
      subheader={
        cluster.kubernetesVersion && `Kubernetes ${cluster.kubernetesVersion}`
      }
    >
      <div data-testid={`cluster-${cluster.name}`}>
        <DataFreshness clusterStates={[cluster]} now={now} />
        {/* Stale clusters list their errors in DataFreshness already. */}
        {!cluster.stale &&
          cluster.errors.map((error, i) => (
            <Typography key={i} color="error" variant="body2" role="alert">
              {describeError(error)}
            </Typography>
          ))}
        <Table size="small" aria-label={`Node pools of ${cluster.name}`}>
          <TableHead>
            <TableRow>
              <TableCell>Pool</TableCell>
              <TableCell>OS / SKU</TableCell>
              <TableCell>Windows build</TableCell>
              <TableCell>Node image</TableCell>
              <TableCell>Taints</TableCell>
              <TableCell>Services</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {cluster.pools.map(pool => (
              <PoolRow
                key={pool.name}
                cluster={cluster.name}
                pool={pool}
                targets={targets}
              />
            ))}
          </TableBody>
        </Table>
      </div>
    </InfoCard>
  );
}
