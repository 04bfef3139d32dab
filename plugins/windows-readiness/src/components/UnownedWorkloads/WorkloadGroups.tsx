import { memo, useState } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import MuiLink from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  SERVICE_STATUSES,
  workloadStatusCounts,
  type CheckId,
  type WorkloadRow,
} from '@winready/plugin-windows-readiness-common';
import { OwnerRef, STATUS_LABELS, StatusChip, checkTitle } from '../common';
import { groupWorkloads, type NamespaceGroup } from './workloadGroups';

/** Rows shown per namespace before "Show all": the DOM stays small. */
export const ROWS_PER_NAMESPACE = 50;
/** Up to this many rows, every namespace opens expanded. */
const EXPANDED_UP_TO = 50;

const n = (count: number) => count.toLocaleString('en-US');
const plural = (count: number, word: string) =>
  `${n(count)} ${word}${count === 1 ? '' : 's'}`;

function Checks(props: { label: string; ids: CheckId[] }) {
  if (!props.ids.length) return null;
  return (
    <Typography variant="body2">
      {props.label}: {props.ids.map(checkTitle).join(', ')}
    </Typography>
  );
}

function WorkloadTableRow(props: { row: WorkloadRow }) {
  const { row } = props;
  const pools = (list: string[]) => (list.length ? list.join(', ') : 'none');
  return (
    <TableRow data-testid="workload-row">
      <TableCell>
        <strong>{row.name}</strong>
        <Typography variant="caption" display="block">
          {row.kind}
        </Typography>
        <Typography
          variant="caption"
          display="block"
          color="textSecondary"
          title={row.images.join('\n')}
        >
          {row.images.join(', ')}
        </Typography>
      </TableCell>
      <TableCell>
        <OwnerRef owner={row.owner} ownerSource={row.ownerSource} />
      </TableCell>
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        <StatusChip status={row.status} />
      </TableCell>
      <TableCell>
        <Typography variant="body2">
          Runs on {pools(row.pools.runsOn)}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Eligible: {pools(row.pools.eligible)}
        </Typography>
      </TableCell>
      <TableCell>
        <Checks label="Fails" ids={row.failing} />
        <Checks label="Warns" ids={row.warning} />
        <Checks label="Cannot tell" ids={row.unknown} />
      </TableCell>
      <TableCell style={{ width: '30%' }}>
        <Typography variant="body2">{row.summary}</Typography>
      </TableCell>
    </TableRow>
  );
}

function statusSummary(rows: readonly WorkloadRow[]): string {
  const counts = workloadStatusCounts(rows);
  return SERVICE_STATUSES.filter(s => counts[s])
    .map(s => `${n(counts[s])} ${STATUS_LABELS[s].toLocaleLowerCase('en-US')}`)
    .join(', ');
}

function NamespaceAccordion(props: {
  cluster: string;
  group: NamespaceGroup;
  expanded: boolean;
}) {
  const { cluster, group } = props;
  const [all, setAll] = useState(false);
  const shown = all ? group.rows : group.rows.slice(0, ROWS_PER_NAMESPACE);
  const label = `${cluster}/${group.namespace}`;
  return (
    <Accordion
      defaultExpanded={props.expanded}
      TransitionProps={{ unmountOnExit: true }}
      data-testid={`workloads-${label}`}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography>
          <strong>{group.namespace}</strong>:{' '}
          {plural(group.rows.length, 'workload')} ({statusSummary(group.rows)})
        </Typography>
      </AccordionSummary>
      <AccordionDetails style={{ display: 'block', overflowX: 'auto' }}>
        <Table size="small" aria-label={`Workloads of ${label}`}>
          <TableHead>
            <TableRow>
              <TableCell>Workload</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Pools</TableCell>
              <TableCell>Checks</TableCell>
              <TableCell>Summary</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(row => (
              <WorkloadTableRow key={row.id} row={row} />
            ))}
          </TableBody>
        </Table>
        {group.rows.length > ROWS_PER_NAMESPACE && (
          <MuiLink
            component="button"
            variant="body2"
            onClick={() => setAll(!all)}
          >
            {all ? 'Show fewer' : `Show all ${n(group.rows.length)}`}
          </MuiLink>
        )}
      </AccordionDetails>
    </Accordion>
  );
}

export interface WorkloadGroupsProps {
  rows: readonly WorkloadRow[];
}

/** The filtered workloads by cluster and namespace, the worst first in each. */
function WorkloadGroupsComponent(props: WorkloadGroupsProps) {
  const { rows } = props;
  const groups = groupWorkloads(rows);
  if (!groups.length) {
    return (
      <Typography color="textSecondary" style={{ padding: 16 }}>
        No workload matches these filters.
      </Typography>
    );
  }
  const expanded = rows.length <= EXPANDED_UP_TO;
  return (
    <>
      {groups.map(cluster => (
        <Box
          key={cluster.cluster}
          mt={2}
          data-testid={`workloads-${cluster.cluster}`}
        >
          <Typography variant="h6" component="h3">
            {cluster.cluster}{' '}
            <Typography component="span" color="textSecondary">
              ({plural(cluster.count, 'workload')})
            </Typography>
          </Typography>
          {cluster.namespaces.map(group => (
            <NamespaceAccordion
              key={group.namespace}
              cluster={cluster.cluster}
              group={group}
              expanded={expanded}
            />
          ))}
        </Box>
      ))}
    </>
  );
}

export const WorkloadGroups = memo(WorkloadGroupsComponent);
