import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { TaintWhatIfImpact } from '@winready/plugin-windows-readiness-common';
import { OwnerRef, RemediationSnippet, StatusChip } from '../common';
import { ServiceRefList } from '../NodePoolsView/ServiceRefList';

// Names and reasons wrap between words only: a workload's name never breaks mid-word.
const useStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
  workload: { minWidth: 130, overflowWrap: 'normal', wordBreak: 'normal' },
  change: { minWidth: 150 },
  reasons: { minWidth: 220, overflowWrap: 'normal', wordBreak: 'normal' },
  toleration: { minWidth: 200, maxWidth: 260 },
});

function nodesLeft(impact: TaintWhatIfImpact): string | undefined {
  if (impact.nodes === undefined) return undefined;
  const nodes = impact.nodes.toLocaleString('en-US');
  return `leaves ${nodes} node${impact.nodes === 1 ? '' : 's'}`;
}

function Pools(props: { before: string[]; after: string[] }) {
  const text = (pools: string[]) => (pools.length ? pools.join(', ') : 'none');
  return (
    <Typography variant="caption" display="block" color="textSecondary">
      Pools: {text(props.before)} → {text(props.after)}
    </Typography>
  );
}

export interface TaintImpactTableProps {
  impacts: readonly TaintWhatIfImpact[];
  label: string;
}

/** One placement group of the taint what-if: who moves, why, and the toleration. */
export function TaintImpactTable(props: TaintImpactTableProps) {
  const { impacts, label } = props;
  const classes = useStyles();
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Workload</TableCell>
          <TableCell>Namespace</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell>Before → after</TableCell>
          <TableCell>Reasons</TableCell>
          <TableCell>Toleration to add</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {impacts.map(impact => (
          <TableRow
            key={impact.id}
            data-testid="taint-impact"
            data-placement={impact.placement}
          >
            <TableCell className={classes.workload}>
              <strong>{impact.name}</strong>
              <Typography variant="caption" display="block">
                {[impact.kind, nodesLeft(impact)].filter(Boolean).join(', ')}
              </Typography>
              {impact.services.length > 0 && (
                <ServiceRefList services={impact.services} limit={3} />
              )}
            </TableCell>
            <TableCell className={classes.nowrap}>{impact.namespace}</TableCell>
            <TableCell className={classes.nowrap}>
              <OwnerRef owner={impact.owner} ownerSource={impact.ownerSource} />
            </TableCell>
            <TableCell className={classes.change}>
              <span className={classes.nowrap}>
                <StatusChip status={impact.before} /> →{' '}
                <StatusChip status={impact.after} />
              </span>
              <Pools before={impact.poolsBefore} after={impact.poolsAfter} />
            </TableCell>
            <TableCell className={classes.reasons}>
              {impact.reasons.map(reason => (
                <Typography key={reason} variant="body2">
                  {reason}
                </Typography>
              ))}
            </TableCell>
            <TableCell className={classes.toleration}>
              {impact.toleration ? (
                <RemediationSnippet
                  hideSummary
                  remediation={{
                    summary: '',
                    snippet: impact.toleration,
                    snippetLanguage: 'yaml',
                  }}
                />
              ) : (
                <Typography variant="body2" color="textSecondary">
                  None needed
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
