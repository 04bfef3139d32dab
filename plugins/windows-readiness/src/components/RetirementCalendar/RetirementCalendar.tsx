import { useMemo, useState, type ReactNode } from 'react';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { ClustersResponse } from '@winready/plugin-windows-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { windowsReadinessApiRef } from '../../api';
import { ServiceRefList } from '../NodePoolsView/ServiceRefList';
import {
  daysLeftText,
  retirementEntries,
  type RetirementEntry,
} from './retirementEntries';

/** os-sku-lifecycle warns this many days before a retirement. */
const SOON_DAYS = 180;

const useStyles = makeStyles(theme => ({
  past: { backgroundColor: theme.palette.action.hover },
  chip: { marginLeft: theme.spacing(1) },
  list: { margin: 0, padding: 0, listStyle: 'none' },
}));

function Marker(props: { entry: RetirementEntry }) {
  const classes = useStyles();
  const { entry } = props;
  if (entry.past) {
    return (
      <Chip
        size="small"
        className={classes.chip}
        label="Retired"
        color="secondary"
      />
    );
  }
  if (entry.daysLeft <= SOON_DAYS) {
    return (
      <Chip
        size="small"
        className={classes.chip}
        label="Soon"
        variant="outlined"
      />
    );
  }
  return null;
}

export interface RetirementCalendarTableProps {
  clusters: ClustersResponse['items'];
  now: Date;
}

/** The calendar itself, from clusters already fetched. */
export function RetirementCalendarTable(props: RetirementCalendarTableProps) {
  const { clusters, now } = props;
  const classes = useStyles();
  const entries = useMemo(
    () => retirementEntries(clusters, now),
    [clusters, now],
  );
  if (!entries.length) {
    return (
      <EmptyState
        missing="data"
        title="No retirement ahead"
        description="No pool runs an OS SKU with an announced retirement date."
      />
    );
  }
  return (
    <Table size="small" aria-label="OS SKU retirement calendar">
      <TableHead>
        <TableRow>
          <TableCell>Retirement</TableCell>
          <TableCell>OS SKU</TableCell>
          <TableCell>Days left</TableCell>
          <TableCell>Node images deleted</TableCell>
          <TableCell>Pools</TableCell>
          <TableCell>Services</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(entry => (
          <TableRow
            key={`${entry.date}|${entry.osSku}`}
            className={entry.past ? classes.past : undefined}
            data-testid="retirement-entry"
            data-past={entry.past}
          >
            <TableCell>
              {entry.date}
              <Marker entry={entry} />
            </TableCell>
            <TableCell>
              {entry.osSku}
              {entry.successorOsSku && (
                <Typography
                  variant="caption"
                  display="block"
                  color="textSecondary"
                >
                  successor: {entry.successorOsSku}
                </Typography>
              )}
            </TableCell>
            <TableCell>{daysLeftText(entry.daysLeft)}</TableCell>
            <TableCell>
              {entry.imageDeletionDate ?? '–'}
              {entry.imagesDeleted && (
                <Typography variant="caption" display="block" color="error">
                  deleted: scale-out fails
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <ul className={classes.list}>
                {entry.pools.map(p => (
                  <li key={`${p.cluster}/${p.pool}`}>
                    {p.cluster}/{p.pool}
                    {p.count !== undefined && ` (${p.count} nodes)`}
                  </li>
                ))}
              </ul>
            </TableCell>
            <TableCell>
              <ServiceRefList services={entry.services} limit={5} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export interface RetirementCalendarProps {
  /** The day the days left count from (default: now). */
  now?: Date;
  /** Only this cluster's pools. */
  cluster?: string;
  title?: string;
}

/** Pools grouped by the retirement date of their OS SKU, from getClusters(). */
export function RetirementCalendar(props: RetirementCalendarProps) {
  const { cluster, title = 'OS SKU retirement calendar' } = props;
  const api = useApi(windowsReadinessApiRef);
  const { value, loading, error } = useAsync(() => api.getClusters(), [api]);
  const [defaultNow] = useState(() => new Date());
  const now = props.now ?? defaultNow;
  const clusters = useMemo(
    () => value?.items.filter(c => !cluster || c.name === cluster) ?? [],
    [value, cluster],
  );
  let body: ReactNode;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else body = <RetirementCalendarTable clusters={clusters} now={now} />;
  return <InfoCard title={title}>{body}</InfoCard>;
}
