import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { windowsReadinessRefreshPermission } from '@winready/plugin-windows-readiness-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { windowsReadinessApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';

export interface RefreshButtonProps {
  /** Called once the refresh has finished, to read the new data. */
  onRefreshed(): void;
  /** How often to ask whether the refresh has finished. */
  pollMs?: number;
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * "Refresh now", for those allowed to (windows-readiness.refresh): a pool
 * created a minute ago shows up without waiting for the next scheduled
 * collection.
 */
export function RefreshButton(props: RefreshButtonProps) {
  const { onRefreshed, pollMs = 2000, timeoutMs = 300_000 } = props;
  const api = useApi(windowsReadinessApiRef);
  const { allowed } = usePermission({
    permission: windowsReadinessRefreshPermission,
  });
  const [state, refresh] = useAsyncFn(async () => {
    const before = (await api.getStatus()).lastRefresh?.startedAt;
    await api.refresh();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await sleep(pollMs);
      const last = (await api.getStatus()).lastRefresh;
      if (last && last.startedAt !== before) {
        // A refresh that failed keeps the last good data: say why.
        if ('failedAt' in last) throw new Error(last.error);
        onRefreshed();
        return last;
      }
    }
    throw new Error('the refresh has not finished yet; look again later');
  }, [api, onRefreshed, pollMs, timeoutMs]);
  if (!allowed) return null;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 12 }}>
      <Button
        variant="outlined"
        color="primary"
        size="small"
        disabled={state.loading}
        onClick={() => refresh()}
      >
        {state.loading ? 'Refreshing…' : 'Refresh now'}
      </Button>
      {!state.loading && state.error && (
        <Typography variant="body2" color="error" role="alert">
          Refresh: {errorMessage(state.error)}
        </Typography>
      )}
      {!state.loading && state.value && (
        <Typography variant="body2" color="textSecondary">
          Refreshed: {state.value.clusters} clusters read.
        </Typography>
      )}
    </Box>
  );
}
