import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { OsSkuOption } from '@winready/plugin-windows-readiness-common';
import {
  lifecycleText,
  notAllowedReason,
  notFittingText,
  osSkuTitle,
  servicesFitText,
} from './osSkuText';

export interface OsSkuOptionRowProps {
  option: OsSkuOption;
  /** The chosen cluster's version, for the "not allowed" reason. */
  kubernetesVersion?: string;
  now: Date;
}

/** One OS SKU of the list: build, how many services it can run, lifecycle, and why it may be refused. */
export function OsSkuOptionRow(props: OsSkuOptionRowProps) {
  const { option, kubernetesVersion, now } = props;
  const lifecycle = lifecycleText(option, now);
  const notFitting = notFittingText(option.notFitting);
  const refused = notAllowedReason(option, kubernetesVersion, now);
  return (
    <Box data-testid={`os-sku-option-${option.osSku}`}>
      <Typography variant="body1">{osSkuTitle(option)}</Typography>
      <Typography variant="body2" color="textSecondary">
        {servicesFitText(option.services)}
      </Typography>
      {notFitting && (
        <Typography
          variant="caption"
          display="block"
          color="textSecondary"
          title={option.notFitting.join('\n')}
        >
          {notFitting}
        </Typography>
      )}
      {lifecycle && (
        <Typography variant="caption" display="block" color="textSecondary">
          {lifecycle}
        </Typography>
      )}
      {refused && (
        <Typography variant="caption" display="block" color="error">
          {refused}
        </Typography>
      )}
    </Box>
  );
}
