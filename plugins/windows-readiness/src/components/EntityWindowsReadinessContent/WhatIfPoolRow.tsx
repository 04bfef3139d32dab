import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { ServiceStatus } from '@winready/plugin-windows-readiness-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { windowsReadinessApiRef } from '../../api';
import { WhatIfOutcome } from './WhatIfOutcome';

export interface WhatIfPoolRowProps {
  cluster: string;
  pool: string;
  currentOsSku?: string;
  /** The OS SKUs the pool could move to, the default (its successor) first. */
  targetOsSkus: string[];
  /** The ids this entity may appear under in `impacted`. */
  entityIds: string[];
  status: ServiceStatus;
}

/** "If npwin moves to Windows2025…" for one pool. */
export function WhatIfPoolRow(props: WhatIfPoolRowProps) {
  const { cluster, pool, currentOsSku, targetOsSkus, entityIds, status } =
    props;
  const api = useApi(windowsReadinessApiRef);
  // The default follows the pools' data as it arrives, until the user picks.
  const [picked, setTarget] = useState<string>();
  const target =
    picked && targetOsSkus.includes(picked) ? picked : targetOsSkus[0];
  const [state, run] = useAsyncFn(
    () => api.whatIf({ cluster, pool, osSku: target }),
    [api, cluster, pool, target],
  );
  const current = `${pool}${currentOsSku ? ` (${currentOsSku})` : ''}`;
  if (!target) {
    return (
      <Box mb={2} data-testid={`what-if-${pool}`}>
        <Typography variant="body2" color="textSecondary">
          {current}: no newer OS SKU that AKS allows on this cluster to move to.
        </Typography>
      </Box>
    );
  }
  return (
    <Box mb={2} data-testid={`what-if-${pool}`}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 16 }}
      >
        <Typography variant="body1" component="span">
          If <strong>{pool}</strong>
          {currentOsSku ? ` (${currentOsSku})` : ''} moves to
        </Typography>
        <TextField
          id={`what-if-${cluster}-${pool}-sku`}
          select
          size="small"
          variant="outlined"
          label="OS SKU"
          value={target}
          onChange={e => setTarget(e.target.value)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'aria-label': `Target OS SKU for ${pool}` }}
        >
          {targetOsSkus.map(sku => (
            <option key={sku} value={sku}>
              {sku}
            </option>
          ))}
        </TextField>
        <Button
          variant="contained"
          color="primary"
          size="small"
          onClick={() => run()}
          disabled={state.loading}
          aria-label={`Run what-if: ${pool} on ${target}`}
        >
          Run what-if
        </Button>
      </Box>
      {state.loading && <Progress />}
      {!state.loading && state.error && (
        <ResponseErrorPanel error={state.error} title="The what-if failed" />
      )}
      {!state.loading && state.value && (
        <WhatIfOutcome
          answer={state.value}
          entityIds={entityIds}
          status={status}
        />
      )}
    </Box>
  );
}
