import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { windowsReadinessApiRef } from '../../api';
import { WhatIfOutcome } from './WhatIfOutcome';

export interface WhatIfPoolRowProps {
  cluster: string;
  pool: string;
  currentOsSku?: string;
  /** Preselected target, e.g. the pool's successor OS SKU. */
  defaultTarget?: string;
  targetOsSkus: string[];
  /** The ids this entity may appear under in `impacted`. */
  entityIds: string[];
}

/** The successor, else the SKU listed after the current one, else the first other. */
function defaultTarget(props: WhatIfPoolRowProps): string {
  const { targetOsSkus: skus, currentOsSku } = props;
  const i = currentOsSku ? skus.indexOf(currentOsSku) : -1;
  return (
    props.defaultTarget ??
    (i >= 0 ? skus[i + 1] : undefined) ??
    skus.find(sku => sku !== currentOsSku) ??
    skus[0]
  );
}

/** "If npwin moves to Windows2025…" for one pool. */
export function WhatIfPoolRow(props: WhatIfPoolRowProps) {
  const { cluster, pool, currentOsSku, targetOsSkus, entityIds } = props;
  const api = useApi(windowsReadinessApiRef);
  // The default follows the pools' data as it arrives, until the user picks.
  const [picked, setTarget] = useState<string>();
  const target = picked ?? defaultTarget(props);
  const [state, simulate] = useAsyncFn(
    () => api.whatIf({ cluster, pool, osSku: target }),
    [api, cluster, pool, target],
  );
  const labelId = `what-if-${cluster}-${pool}`;
  return (
    <Box mb={2} data-testid={`what-if-${pool}`}>
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <Typography variant="body1" component="span">
          If <strong>{pool}</strong>
          {currentOsSku ? ` (${currentOsSku})` : ''} moves to
        </Typography>
        <Box mx={2} minWidth={180}>
          <FormControl fullWidth size="small">
            <InputLabel id={labelId}>Target OS SKU for {pool}</InputLabel>
            <Select
              labelId={labelId}
              value={target}
              onChange={e => setTarget(e.target.value as string)}
            >
              {targetOsSkus.map(sku => (
                <MenuItem key={sku} value={sku}>
                  {sku}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Box>
        <Button
          variant="outlined"
          color="primary"
          onClick={() => simulate()}
          disabled={state.loading}
          aria-label={`Simulate ${pool} on ${target}`}
        >
          Simulate
        </Button>
      </Box>
      {state.loading && <Progress />}
      {!state.loading && state.error && (
        <ResponseErrorPanel error={state.error} title="The what-if failed" />
      )}
      {!state.loading && state.value && (
        <WhatIfOutcome answer={state.value} entityIds={entityIds} />
      )}
    </Box>
  );
}
