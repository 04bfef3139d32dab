import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { StatusError, StatusOK } from '@backstage/core-components';
import type {
  ServiceStatus,
  WhatIfResponse,
} from '@winready/plugin-windows-readiness-common';
import { CheckResultIcon } from '../common';
import { IconLabel, STATUS_LABELS, checkTitle } from '../common';

/** `check-id: message` into the check's title and message. */
function reasonText(reason: string): string {
  const colon = reason.indexOf(': ');
  if (colon < 0) return reason;
  return `${checkTitle(reason.slice(0, colon))}: ${reason.slice(colon + 2)}`;
}

// Only these statuses earn a green mark when a move keeps them.
const GOOD: readonly ServiceStatus[] = ['ready', 'not-applicable'];

function KeptStatusIcon(props: { status: ServiceStatus }) {
  const { status } = props;
  if (GOOD.includes(status)) return <StatusOK />;
  if (status === 'blocked') return <StatusError />;
  return <CheckResultIcon result={status === 'at-risk' ? 'warn' : 'unknown'} />;
}

/** Whether THIS entity gets worse, and why; others are only counted. */
export function WhatIfOutcome(props: {
  answer: WhatIfResponse;
  entityIds: string[];
  /** The service's status now: a move that changes nothing keeps it. */
  status: ServiceStatus;
}) {
  const { answer, entityIds, status } = props;
  const ids = entityIds.map(id => id.toLocaleLowerCase('en-US'));
  const mine = answer.impacted.find(i =>
    ids.includes(i.id.toLocaleLowerCase('en-US')),
  );
  const others = answer.impacted.length - (mine ? 1 : 0);
  const move = `${answer.pool} moves${
    answer.fromOsSku ? ` from ${answer.fromOsSku}` : ''
  } to ${answer.toOsSku}`;
  return (
    <Box mt={1} data-testid="what-if-outcome" aria-live="polite">
      {mine ? (
        <>
          <IconLabel icon={<StatusError />}>
            Impacted: when {move}, this service goes from{' '}
            {STATUS_LABELS[mine.before]} to {STATUS_LABELS[mine.after]}.
          </IconLabel>
          <ul>
            {mine.reasons.map(reason => (
              <li key={reason}>
                <Typography variant="body2">{reasonText(reason)}</Typography>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <IconLabel icon={<KeptStatusIcon status={status} />}>
          {GOOD.includes(status)
            ? `Not impacted: this service stays ${STATUS_LABELS[status]} when ${move}.`
            : `No worse, and no better: this service stays ${STATUS_LABELS[status]} when ${move}; see its checks for what to fix.`}
        </IconLabel>
      )}
      {others > 0 && (
        <Typography variant="caption" component="div">
          {others} other service{others === 1 ? '' : 's'} would get worse.
        </Typography>
      )}
    </Box>
  );
}
