import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  ClusterPickerFieldSchema,
  WindowsReadinessClusterPicker,
  validateClusterChoice,
} from '../components/ClusterPicker';
import {
  OsSkuPickerFieldSchema,
  WindowsOsSkuPicker,
  validateOsSku,
} from '../components/OsSkuPicker';

/** `ui:field: WindowsReadinessClusterPicker` for the new frontend system. */
export const clusterPickerFormField = createFormField({
  name: 'WindowsReadinessClusterPicker',
  component: WindowsReadinessClusterPicker,
  validation: validateClusterChoice,
  schema: ClusterPickerFieldSchema,
});

/** `ui:field: WindowsOsSkuPicker` for the new frontend system. */
export const osSkuPickerFormField = createFormField({
  name: 'WindowsOsSkuPicker',
  component: WindowsOsSkuPicker,
  validation: validateOsSku,
  schema: OsSkuPickerFieldSchema,
});
