import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import type { WorkloadResult } from '@winready/plugin-windows-readiness-common';

const SETS: Array<{
  key: keyof WorkloadResult['pools'];
  label: string;
  help: string;
}> = [
  {
    key: 'selected',
    label: 'Selected',
    help: 'match its nodeSelector, node affinity and RuntimeClass',
  },
  {
    key: 'eligible',
    label: 'Eligible',
    help: 'selected, and it tolerates their taints',
  },
  {
    key: 'compatible',
    label: 'Compatible',
    help: 'selected, and their OS and Windows build start its images',
  },
  {
    key: 'runsOn',
    label: 'Runs on',
    help: 'where its pods are, or its eligible compatible pools',
  },
];

/** The pool sets behind the checks: selected, eligible, compatible, runs on. */
export function PoolSets(props: { pools: WorkloadResult['pools'] }) {
  return (
    <Table size="small" aria-label="Pool sets">
      <TableBody>
        {SETS.map(set => (
          <TableRow key={set.key}>
            <TableCell component="th" scope="row" title={set.help}>
              {set.label}
            </TableCell>
            <TableCell>
              {props.pools[set.key].length
                ? props.pools[set.key].join(', ')
                : 'none'}
            </TableCell>
            <TableCell>{set.help}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
