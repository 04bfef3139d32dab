import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { NOT_ARM_REASON, type ClusterChoice } from './clusterChoice';

/**
 * A chosen cluster must say where ARM keeps it. A missing value is the
 * schema's business (`required`); a value typed into the URL or left over
 * from an older template is not.
 */
export const validateClusterChoice: CustomFieldValidator<ClusterChoice> = (
  chosen,
  validation,
) => {
  const value = chosen as Partial<ClusterChoice> | null | undefined;
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || !value.name) {
    validation.addError('Choose a cluster from the list');
    return;
  }
  if (!value.subscriptionId || !value.resourceGroup) {
    validation.addError(`${value.name} is ${NOT_ARM_REASON}`);
  }
};
