import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { StatusError, StatusOK } from '@backstage/core-components';
import type { WhatIfResponse } from '@winready/plugin-windows-readiness-common';
import { IconLabel, STATUS_LABELS, checkTitle } from '../common';

/** `check-id: message` into the check's title and message. */
function reasonText(reason: string): string {
  const colon = reason.indexOf(': ');
  if (colon < 0) return reason;
  return `${checkTitle(reason.slice(0, colon))}: ${reason.slice(colon + 2)}`;
}

/** Whether THIS entity gets worse, and why; others are only counted. */
export function WhatIfOutcome(props: {
  answer: WhatIfResponse;
  entityIds: string[];
}) {
  const { answer, entityIds } = props;
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
        <IconLabel icon={<StatusOK />}>
          Not impacted: this service keeps its status when {move}.
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
