import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { PoolSummary } from '@winready/plugin-windows-readiness-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { windowsReadinessApiRef } from '../../api';
import { StatusChip } from '../common';
import { ServiceRefList } from './ServiceRefList';

export interface WhatIfPanelProps {
  cluster: string;
  pool: PoolSummary;
  /** Target OS SKUs, the default first. */
  targets: string[];
}

/** Which services get worse if this pool's nodes ran another OS SKU. */
export function WhatIfPanel(props: WhatIfPanelProps) {
  const { cluster, pool, targets } = props;
  const api = useApi(windowsReadinessApiRef);
  const [osSku, setOsSku] = useState(targets[0] ?? '');
  const [state, run] = useAsyncFn(
    () => api.whatIf({ cluster, pool: pool.name, osSku }),
    [api, cluster, pool.name, osSku],
  );
  const result = state.value;
  // An answer for another target than the selected one is not shown.
  const current = result && result.toOsSku === osSku ? result : undefined;

  return (
    <Box p={1} data-testid={`what-if-${cluster}-${pool.name}`}>
      <Box display="flex" alignItems="center" style={{ gap: 16 }}>
        <TextField
          id={`what-if-${cluster}-${pool.name}-sku`}
          select
          size="small"
          variant="outlined"
          label={`Move ${pool.name} to`}
          value={osSku}
          onChange={e => setOsSku(e.target.value)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          {targets.map(target => (
            <option key={target} value={target}>
              {target}
            </option>
          ))}
        </TextField>
        <Button
          variant="contained"
          color="primary"
          size="small"
          disabled={!osSku || state.loading}
          onClick={() => run()}
        >
          Run what-if
        </Button>
      </Box>
      {state.loading && <Progress />}
      {!state.loading && state.error && (
        <ResponseErrorPanel error={state.error} />
      )}
      {!state.loading && current && (
        <Box mt={1}>
          <Typography variant="subtitle2">
            {cluster}/{current.pool}: {current.fromOsSku ?? 'unknown'} →{' '}
            {current.toOsSku}
          </Typography>
          {current.impacted.length === 0 ? (
            <Typography variant="body2">
              No service gets worse on {current.toOsSku}.
            </Typography>
          ) : (
            <Table size="small" aria-label="Impacted services">
              <TableHead>
                <TableRow>
                  <TableCell>Service</TableCell>
                  <TableCell>Before → after</TableCell>
                  <TableCell>Reasons</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {current.impacted.map(impact => (
                  <TableRow key={impact.id} data-testid="what-if-impact">
                    <TableCell>
                      <ServiceRefList services={[impact.id]} />
                    </TableCell>
                    <TableCell>
                      <StatusChip status={impact.before} /> →{' '}
                      <StatusChip status={impact.after} />
                    </TableCell>
                    <TableCell>
                      {impact.reasons.map(reason => (
                        <Typography key={reason} variant="body2">
                          {reason}
                        </Typography>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      )}
    </Box>
  );
}
