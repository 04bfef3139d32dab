import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { ServiceStatus } from '@winready/plugin-windows-readiness-common';
import { STATUS_LABELS, STATUS_SENTENCES } from './statusText';
import { IconLabel } from './IconLabel';

const ICONS: Record<ServiceStatus, () => JSX.Element> = {
  blocked: () => <StatusError />,
  'at-risk': () => <StatusWarning />,
  unknown: () => <StatusPending />,
  ready: () => <StatusOK />,
  'not-applicable': () => <StatusAborted />,
};

export interface StatusChipProps {
  status: ServiceStatus;
  /** Show the whole sentence ("Blocked: its Windows containers cannot start"). */
  sentence?: boolean;
}

/** A service status: its Status* icon and a plain-word label. */
export function StatusChip(props: StatusChipProps) {
  const { status, sentence } = props;
  const Icon = ICONS[status] ?? ICONS.unknown;
  const text = (sentence ? STATUS_SENTENCES : STATUS_LABELS)[status] ?? status;
  return (
    <IconLabel icon={<Icon />} testId={`status-chip-${status}`}>
      {text}
    </IconLabel>
  );
}
