import { useEffect, useRef, useState } from 'react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import type { PoolSummary } from '@winready/plugin-windows-readiness-common';
import { DataFreshness } from '../common';
import { TaintWhatIfPanel, type TaintWhatIfLink } from '../TaintWhatIf';
import type { ClusterItem } from './poolFacts';
import { PoolTaints } from './PoolTaints';
import { PoolWorkloads } from './PoolWorkloads';
import { ServiceRefList } from './ServiceRefList';
import { WhatIfPanel } from './WhatIfPanel';

const COLUMNS = 8;

// Names, SKUs and builds never break mid-word; node images break at their
// hyphens; the taint warning wraps inside its column.
const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  build: { minWidth: 150, maxWidth: 200 },
  // The theme breaks long words anywhere; here only at hyphens and spaces.
  nodeImage: {
    minWidth: 170,
    maxWidth: 220,
    wordBreak: 'normal',
    overflowWrap: 'normal',
  },
  taints: {
    minWidth: 220,
    maxWidth: 280,
    wordBreak: 'normal',
    overflowWrap: 'normal',
    '& .MuiChip-root': { margin: 2 },
  },
  action: { minWidth: 150, '& > *': { display: 'block', marginBottom: 4 } },
});

function nodeCount(count: number | undefined): string | undefined {
  if (count === undefined) return undefined;
  return `${count.toLocaleString('en-US')} node${count === 1 ? '' : 's'}`;
}

function describeError(error: ClusterItem['errors'][number]): string {
  const code = error.statusCode ? ` ${error.statusCode}` : '';
  const path = error.resourcePath ? ` on ${error.resourcePath}` : '';
  return `${error.source} ${error.errorType}${code}${path}: ${error.message}`;
}

function PoolRow(props: {
  cluster: string;
  pool: PoolSummary;
  targets: string[];
  onTaintWhatIf(): void;
}) {
  const { cluster, pool, targets, onTaintWhatIf } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const windows = pool.osType === 'Windows';
  return (
    <>
      <TableRow data-testid={`pool-${cluster}-${pool.name}`}>
        <TableCell className={classes.nowrap}>
          <strong>{pool.name}</strong>
          <Typography variant="caption" display="block" color="textSecondary">
            {[pool.mode, nodeCount(pool.count)].filter(Boolean).join(', ')}
          </Typography>
        </TableCell>
        <TableCell className={classes.nowrap}>
          {pool.osType}
          {pool.osSku && (
            <Typography variant="caption" display="block">
              {pool.osSku}
            </Typography>
          )}
        </TableCell>
        <TableCell className={classes.build}>
          <span className={classes.nowrap}>
            {windows ? pool.windowsBuild ?? 'unknown' : '–'}
          </span>
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
        <TableCell className={classes.nodeImage}>
          {pool.nodeImageVersion ?? '–'}
        </TableCell>
        <TableCell className={classes.taints}>
          <PoolTaints pool={pool} />
        </TableCell>
        <TableCell className={classes.nowrap}>
          <ServiceRefList services={pool.services} />
        </TableCell>
        <TableCell className={classes.nowrap}>
          <PoolWorkloads counts={pool.workloads} />
        </TableCell>
        <TableCell className={classes.action}>
          {windows && targets.length === 0 && (
            <Typography variant="caption" color="textSecondary">
              No OS SKU to move to
            </Typography>
          )}
          {windows && targets.length > 0 && (
            <Button
              size="small"
              variant="outlined"
              aria-expanded={open}
              style={{ whiteSpace: 'nowrap' }}
              onClick={() => setOpen(!open)}
            >
              OS SKU what-if…
            </Button>
          )}
          <Button
            size="small"
            variant="outlined"
            style={{ whiteSpace: 'nowrap' }}
            onClick={onTaintWhatIf}
          >
            Taint what-if…
          </Button>
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={COLUMNS}>
            <WhatIfPanel cluster={cluster} pool={pool} targets={targets} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

export interface ClusterPoolsCardProps {
  cluster: ClusterItem;
  /** The OS SKUs a pool could move to on a cluster of this Kubernetes version. */
  targets: (pool: PoolSummary, kubernetesVersion?: string) => string[];
  now?: Date;
  /** A taint what-if of this cluster that the page's address asks for. */
  taintLink?: TaintWhatIfLink;
}

/** One cluster: freshness, errors, and its pools with their services. */
export function ClusterPoolsCard(props: ClusterPoolsCardProps) {
  const { cluster, targets, now, taintLink } = props;
  const classes = useStyles();
  // The pool of the open taint what-if, if one is open; the link's change
  // applies to the first opening only.
  const [taintPool, setTaintPool] = useState(taintLink?.pool);
  const [link, setLink] = useState(taintLink);
  const [opened, setOpened] = useState(taintLink ? 1 : 0);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The panel is under the table: bring it into view (jsdom cannot scroll).
    if (opened) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [opened]);
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
        <div className={classes.scroll}>
          <Table size="small" aria-label={`Node pools of ${cluster.name}`}>
            <TableHead>
              <TableRow>
                <TableCell>Pool</TableCell>
                <TableCell>OS / SKU</TableCell>
                <TableCell>Windows build</TableCell>
                <TableCell>Node image</TableCell>
                <TableCell>Taints</TableCell>
                <TableCell>Services</TableCell>
                <TableCell>Workloads</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {cluster.pools.map(pool => (
                <PoolRow
                  key={pool.name}
                  cluster={cluster.name}
                  pool={pool}
                  targets={targets(pool, cluster.kubernetesVersion)}
                  onTaintWhatIf={() => {
                    setTaintPool(pool.name);
                    setOpened(n => n + 1);
                  }}
                />
              ))}
            </TableBody>
          </Table>
        </div>
        {taintPool !== undefined && (
          <div ref={panel} style={{ marginTop: 16 }}>
            <TaintWhatIfPanel
              cluster={cluster.name}
              pools={cluster.pools}
              pool={taintPool}
              onPoolChange={setTaintPool}
              initialChange={link?.change}
              initialTaint={link?.taint}
              runOnOpen={!!link?.taint}
              linkProblem={link?.problem}
            />
            <Button
              size="small"
              onClick={() => {
                setTaintPool(undefined);
                setLink(undefined);
              }}
            >
              Close the taint what-if
            </Button>
          </div>
        )}
      </div>
    </InfoCard>
  );
}
