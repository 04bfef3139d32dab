import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import type {
  TaintPlacement,
  TaintWhatIfResult as Result,
} from '@winready/plugin-windows-readiness-common';
import { TaintImpactTable } from './TaintImpactTable';
import { taintWhatIfSearch } from './taintInput';

/** The groups in the answer's order, each with what it means for the pool. */
const GROUPS: Array<{
  placement: TaintPlacement;
  title: (pool: string, count: number) => string;
}> = [
  {
    placement: 'no-pool',
    title: (_pool, n) => `Can no longer be placed on any pool (${n})`,
  },
  {
    placement: 'loses-pool',
    title: (pool, n) => `Lose ${pool} but keep another pool (${n})`,
  },
  {
    placement: 'gains-pool',
    title: (pool, n) => `May now land on ${pool} (${n})`,
  },
];

function changeText(result: Result): string {
  return result.change === 'add'
    ? `gets the taint ${result.taint}`
    : `loses the taint ${result.taint}`;
}

export interface TaintWhatIfResultProps {
  result: Result;
}

/** The answer of a taint what-if: the workloads it moves, by placement. */
export function TaintWhatIfResult(props: TaintWhatIfResultProps) {
  const { result } = props;
  const link = taintWhatIfSearch({
    cluster: result.cluster,
    pool: result.pool,
    ...(result.change === 'add'
      ? { addTaint: result.taint }
      : { removeTaint: result.taint }),
  });
  return (
    <Box mt={2} data-testid="taint-what-if-result">
      <Box display="flex" alignItems="baseline" style={{ gap: 16 }}>
        <Typography variant="subtitle2">
          If {result.cluster}/{result.pool} {changeText(result)}
        </Typography>
        <Link to={link}>Link to this what-if</Link>
      </Box>
      {result.alreadyApplied && (
        <Typography variant="body2" color="textSecondary">
          {result.pool}{' '}
          {result.change === 'add'
            ? 'already has this taint'
            : 'does not have this taint'}
          : the answer compares the pool without it and with it.
        </Typography>
      )}
      {result.impacted.length === 0 && (
        <Typography variant="body2">
          No workload changes placement: every workload that can land on{' '}
          {result.pool} still can, and no other starts to.
        </Typography>
      )}
      {GROUPS.map(group => {
        const impacts = result.impacted.filter(
          impact => impact.placement === group.placement,
        );
        if (!impacts.length) return null;
        const title = group.title(result.pool, impacts.length);
        return (
          <Box mt={2} key={group.placement}>
            <Typography variant="subtitle1" component="h3">
              {title}
            </Typography>
            <TaintImpactTable impacts={impacts} label={title} />
          </Box>
        );
      })}
    </Box>
  );
}
