import { useMemo } from 'react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useApi } from '@backstage/core-plugin-api';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import useAsync from 'react-use/esm/useAsync';
import { windowsReadinessApiRef } from '../../api';
import { pickerNotice } from '../common/PickerNotice';
import { ClusterOption } from './ClusterOption';
import {
  clusterFacts,
  sortClusters,
  toClusterChoice,
  type KnownCluster,
} from './clusterChoice';
import type { WindowsReadinessClusterPickerProps } from './schema';

/**
 * Scaffolder field `WindowsReadinessClusterPicker`: one of the AKS clusters
 * the readiness backend has collected. Its value carries what ARM needs to
 * reach the cluster: `{ name, subscriptionId, resourceGroup, location?,
 * kubernetesVersion? }`.
 */
export function WindowsReadinessClusterPicker(
  props: WindowsReadinessClusterPickerProps,
) {
  const {
    onChange,
    schema: {
      title = 'Cluster',
      description = 'An AKS cluster the Windows readiness backend has collected',
    },
    required,
    uiSchema,
    rawErrors = [],
    formData,
    idSchema,
  } = props;
  const disabled = Boolean(props.disabled || uiSchema?.['ui:disabled']);
  const api = useApi(windowsReadinessApiRef);
  const { value, loading, error } = useAsync(() => api.getClusters(), [api]);
  const clusters = useMemo(() => sortClusters(value?.items ?? []), [value]);
  const now = new Date();

  const chosenName: string | undefined = formData?.name;
  const selected = clusters.find(c => c.name === chosenName) ?? null;
  let helperText: string | undefined;
  if (selected) helperText = clusterFacts(selected);
  else if (chosenName && value) {
    helperText = `${chosenName} is not among the clusters the readiness backend knows`;
  }

  const field = pickerNotice(
    { id: idSchema?.$id, label: title, required },
    { loading, error, empty: clusters.length === 0 },
    {
      what: 'the clusters',
      empty: 'The readiness backend knows no clusters yet',
    },
  ) ?? (
    <Autocomplete<KnownCluster>
      id={idSchema?.$id}
      options={clusters}
      value={selected}
      disabled={disabled}
      getOptionLabel={cluster => cluster.name}
      getOptionSelected={(option, current) => option.name === current.name}
      getOptionDisabled={cluster => !toClusterChoice(cluster)}
      renderOption={cluster => <ClusterOption cluster={cluster} now={now} />}
      onChange={(_event, cluster) =>
        onChange(cluster ? toClusterChoice(cluster) : undefined)
      }
      renderInput={params => (
        <TextField
          {...params}
          label={title}
          margin="dense"
          variant="outlined"
          required={required}
          error={rawErrors.length > 0}
          helperText={helperText}
        />
      )}
    />
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
