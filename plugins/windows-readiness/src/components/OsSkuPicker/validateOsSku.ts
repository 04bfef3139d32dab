import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { windowsReadinessApiRef } from '../../api';
import { chosenClusterName } from './chosenCluster';
import { notAllowedReason } from './osSkuText';
import type { OsSkuPickerUiOptions } from './schema';

/**
 * Refuses an OS SKU that AKS does not allow on the chosen cluster's
 * Kubernetes version, or that is retired (the cluster may have changed after
 * the SKU was picked).
 * The readiness backend only advises: when it cannot answer, the value
 * passes and ARM has the last word.
 */
export const validateOsSku: CustomFieldValidator<
  string,
  OsSkuPickerUiOptions
> = async (osSku, validation, context) => {
  if (!osSku) return;
  const api = context.apiHolder.get(windowsReadinessApiRef);
  if (!api) return;
  const cluster = chosenClusterName(
    context.formData,
    context.uiSchema?.['ui:options']?.clusterField,
  );
  let response;
  try {
    response = await api.getOsSkus(cluster);
  } catch {
    return;
  }
  const option = response.items.find(item => item.osSku === osSku);
  const reason =
    option &&
    notAllowedReason(option, response.cluster?.kubernetesVersion, new Date());
  if (reason) validation.addError(`${osSku}: ${reason}`);
};
