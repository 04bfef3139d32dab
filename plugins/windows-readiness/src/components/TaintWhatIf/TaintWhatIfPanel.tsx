import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { PoolSummary } from '@winready/plugin-windows-readiness-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { windowsReadinessApiRef } from '../../api';
import {
  taintInputProblem,
  taintWhatIfRequest,
  type TaintChange,
} from './taintInput';
import { TaintWhatIfResult } from './TaintWhatIfResult';

export interface TaintWhatIfPanelProps {
  cluster: string;
  /** The cluster's pools, as last collected. */
  pools: readonly PoolSummary[];
  /** The pool to change (the parent keeps it: a row's button picks it too). */
  pool: string;
  onPoolChange(pool: string): void;
  /** The change and taint to start with, from a link. */
  initialChange?: TaintChange;
  initialTaint?: string;
  /** Run once on opening (a link that names a taint). */
  runOnOpen?: boolean;
  /** What is wrong with the link, shown until the user changes something. */
  linkProblem?: string;
}

/**
 * "If pool P gets (or loses) taint T": which workloads lose every pool, lose
 * P but keep another one, or may start landing on P.
 */
export function TaintWhatIfPanel(props: TaintWhatIfPanelProps) {
  const { cluster, pools, pool, onPoolChange } = props;
  const api = useApi(windowsReadinessApiRef);
  const [change, setChange] = useState<TaintChange>(
    props.initialChange ?? 'add',
  );
  const [taint, setTaint] = useState(props.initialTaint ?? '');
  const [linkProblem, setLinkProblem] = useState(props.linkProblem);
  const problem = taintInputProblem(change, taint);
  const request = taintWhatIfRequest(cluster, pool, change, taint);
  const [state, run] = useAsyncFn(
    (r: NonNullable<typeof request>) => api.whatIfTaint(r),
    [api],
  );
  const id = `taint-what-if-${cluster}`;
  const selected = pools.find(p => p.name === pool);

  // A link runs its what-if once, as it stands when the panel opens.
  useEffect(() => {
    if (props.runOnOpen && request && !props.linkProblem) run(request);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const edited = () => setLinkProblem(undefined);
  return (
    <Box p={1} data-testid={id}>
      <Typography variant="h6" component="h2">
        Taint what-if
      </Typography>
      <Box
        display="flex"
        alignItems="flex-start"
        flexWrap="wrap"
        mt={1}
        style={{ gap: 16 }}
      >
        <TextField
          id={`${id}-pool`}
          select
          size="small"
          variant="outlined"
          label="Pool"
          value={pool}
          onChange={e => {
            edited();
            onPoolChange(e.target.value);
          }}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          {/* A linked pool stays selectable before its first collection. */}
          {!selected && <option value={pool}>{pool}</option>}
          {pools.map(p => (
            <option key={p.name} value={p.name}>
              {p.name} ({p.osType})
            </option>
          ))}
        </TextField>
        <RadioGroup
          row
          aria-label="Change"
          value={change}
          onChange={e => {
            edited();
            setChange(e.target.value as TaintChange);
          }}
        >
          <FormControlLabel
            value="add"
            control={<Radio size="small" />}
            label="Add a taint"
          />
          <FormControlLabel
            value="remove"
            control={<Radio size="small" />}
            label="Remove a taint"
          />
        </RadioGroup>
        <TextField
          id={`${id}-taint`}
          size="small"
          variant="outlined"
          label={change === 'add' ? 'Taint to add' : 'Taint or key to remove'}
          placeholder={change === 'add' ? 'key=value:Effect' : 'key'}
          value={taint}
          onChange={e => {
            edited();
            setTaint(e.target.value);
          }}
          error={!!problem}
          helperText={
            problem ??
            (change === 'add'
              ? 'key=value:Effect, e.g. os=windows:NoSchedule'
              : 'A key removes every taint with that key')
          }
          InputLabelProps={{ shrink: true }}
          style={{ minWidth: 320, maxWidth: 480 }}
        />
        <Button
          variant="contained"
          color="primary"
          size="small"
          disabled={!request || state.loading}
          onClick={() => request && run(request)}
          style={{ marginTop: 4 }}
        >
          Run taint what-if
        </Button>
      </Box>
      {change === 'remove' && selected && selected.taints.length > 0 && (
        <Box mt={1} display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography variant="body2">{pool} has:</Typography>
          {selected.taints.map(t => (
            <Chip
              key={t}
              size="small"
              label={t}
              variant="outlined"
              onClick={() => {
                edited();
                setTaint(t);
              }}
            />
          ))}
        </Box>
      )}
      {!selected && (
        <Typography variant="body2" color="textSecondary">
          {cluster} had no pool named {pool} at its last collection: a new pool
          appears after the next refresh.
        </Typography>
      )}
      {linkProblem && (
        <Typography variant="body2" color="error" role="alert">
          {linkProblem}
        </Typography>
      )}
      {state.loading && <Progress />}
      {!state.loading && state.error && (
        <ResponseErrorPanel error={state.error} />
      )}
      {!state.loading && !state.error && state.value && (
        <TaintWhatIfResult result={state.value} />
      )}
    </Box>
  );
}
