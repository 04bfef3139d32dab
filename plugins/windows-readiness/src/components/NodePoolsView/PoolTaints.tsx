import Chip from '@material-ui/core/Chip';
import { StatusWarning } from '@backstage/core-components';
import type { PoolSummary } from '@winready/plugin-windows-readiness-common';
import { IconLabel } from '../common';
import { isUntaintedWindowsPool } from './poolFacts';

/** A pool's taints; a warning on a Windows pool that repels nothing. */
export function PoolTaints(props: { pool: PoolSummary }) {
  const { pool } = props;
  return (
    <>
      {pool.taints.map(taint => (
        <Chip key={taint} size="small" label={taint} variant="outlined" />
      ))}
      {!pool.taints.length && pool.osType !== 'Windows' && '–'}
      {isUntaintedWindowsPool(pool) && (
        <div data-testid="untainted-warning">
          <IconLabel icon={<StatusWarning />}>
            No NoSchedule/NoExecute taint: Linux pods without an OS selector can
            land here.
          </IconLabel>
        </div>
      )}
    </>
  );
}
