import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { CheckResultValue } from '@winready/plugin-windows-readiness-common';
import { RESULT_LABELS } from './statusText';
import { IconLabel } from './IconLabel';

const ICONS: Record<CheckResultValue, () => JSX.Element> = {
  pass: () => <StatusOK />,
  warn: () => <StatusWarning />,
  fail: () => <StatusError />,
  unknown: () => <StatusPending />,
  skip: () => <StatusAborted />,
};

export interface CheckResultIconProps {
  result: CheckResultValue;
  /** Show the result's word next to the icon; otherwise it is the accessible name only. */
  showLabel?: boolean;
}

/** The icon of one check result (pass, warn, fail, unknown, skip). */
export function CheckResultIcon(props: CheckResultIconProps) {
  const { result, showLabel } = props;
  const Icon = ICONS[result] ?? ICONS.unknown;
  const label = RESULT_LABELS[result] ?? result;
  const icon = (
    <IconLabel icon={<Icon />} testId={`check-result-${result}`}>
      {showLabel ? label : undefined}
    </IconLabel>
  );
  if (showLabel) return icon;
  return (
    <span role="img" aria-label={label} title={label}>
      {icon}
    </span>
  );
}
