import { useMemo } from 'react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useApi } from '@backstage/core-plugin-api';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import type { OsSkuOption } from '@winready/plugin-windows-readiness-common';
import useAsync from 'react-use/esm/useAsync';
import { windowsReadinessApiRef } from '../../api';
import { pickerNotice } from '../common/PickerNotice';
import { DEFAULT_CLUSTER_FIELD, chosenClusterName } from './chosenCluster';
import { OsSkuOptionRow } from './OsSkuOptionRow';
import {
  notAllowedReason,
  osSkuTitle,
  servicesFitText,
  windowsOsSkus,
} from './osSkuText';
import type { WindowsOsSkuPickerProps } from './schema';

function helperFor(
  osSku: string | undefined,
  selected: OsSkuOption | undefined,
  kubernetesVersion: string | undefined,
  clusterName: string | undefined,
  now: Date,
): string | undefined {
  if (selected) {
    const refused = notAllowedReason(selected, kubernetesVersion, now);
    return refused ?? servicesFitText(selected.services);
  }
  if (osSku) return `${osSku} is not an OS SKU the readiness backend knows`;
  if (!clusterName) {
    return 'Choose a cluster first to see which OS SKUs its Kubernetes version allows';
  }
  return undefined;
}

/**
 * Scaffolder field `WindowsOsSkuPicker`: the OS SKU of a new Windows pool,
 * each offered with how many of the organisation's Windows services its
 * build can run. SKUs that AKS refuses on the cluster chosen in
 * `ui:options.clusterField` (default `cluster`) are shown but disabled.
 */
export function WindowsOsSkuPicker(props: WindowsOsSkuPickerProps) {
  const {
    onChange,
    schema: {
      title = 'OS SKU',
      description = 'The Windows OS SKU of the new node pool',
    },
    required,
    uiSchema,
    rawErrors = [],
    formData,
    formContext,
    idSchema,
  } = props;
  const disabled = Boolean(props.disabled || uiSchema?.['ui:disabled']);
  const clusterField =
    uiSchema?.['ui:options']?.clusterField ?? DEFAULT_CLUSTER_FIELD;
  const clusterName = chosenClusterName(formContext?.formData, clusterField);
  const api = useApi(windowsReadinessApiRef);
  const { value, loading, error } = useAsync(
    () => api.getOsSkus(clusterName),
    [api, clusterName],
  );
  const options = useMemo(() => windowsOsSkus(value?.items ?? []), [value]);
  const kubernetesVersion = value?.cluster?.kubernetesVersion;
  const selected = options.find(option => option.osSku === formData);
  const now = new Date();
  const refused =
    selected && notAllowedReason(selected, kubernetesVersion, now);

  const field = pickerNotice(
    { id: idSchema?.$id, label: title, required },
    { loading, error, empty: options.length === 0 },
    {
      what: 'the OS SKUs',
      empty: 'The readiness backend knows no Windows OS SKU',
    },
  ) ?? (
    <TextField
      id={idSchema?.$id}
      select
      fullWidth
      margin="dense"
      variant="outlined"
      label={title}
      required={required}
      disabled={disabled}
      value={selected ? selected.osSku : ''}
      onChange={event => onChange(String(event.target.value) || undefined)}
      error={rawErrors.length > 0 || Boolean(refused)}
      helperText={helperFor(
        formData,
        selected,
        kubernetesVersion,
        clusterName,
        now,
      )}
      SelectProps={{
        renderValue: osSku => {
          const option = options.find(o => o.osSku === osSku);
          return option ? osSkuTitle(option) : String(osSku);
        },
      }}
    >
      {options.map(option => (
        <MenuItem
          key={option.osSku}
          value={option.osSku}
          disabled={Boolean(notAllowedReason(option, kubernetesVersion, now))}
          style={{ whiteSpace: 'normal' }}
        >
          <OsSkuOptionRow
            option={option}
            kubernetesVersion={kubernetesVersion}
            now={now}
          />
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={uiSchema?.['ui:description'] ?? description}
      required={required}
      disabled={disabled}
    >
      {field}
    </ScaffolderField>
  );
}
