import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** `scaffolder-form-field:scaffolder/windows-readiness-cluster-picker` */
export const clusterPickerFormFieldExtension = FormFieldBlueprint.make({
  name: 'windows-readiness-cluster-picker',
  params: {
    field: () => import('./formFields').then(m => m.clusterPickerFormField),
  },
});

/** `scaffolder-form-field:scaffolder/windows-os-sku-picker` */
export const osSkuPickerFormFieldExtension = FormFieldBlueprint.make({
  name: 'windows-os-sku-picker',
  params: {
    field: () => import('./formFields').then(m => m.osSkuPickerFormField),
  },
});

/**
 * The Windows readiness form fields for the scaffolder (new frontend
 * system): `WindowsReadinessClusterPicker` and `WindowsOsSkuPicker`. They
 * call the windows-readiness API, which the windows-readiness plugin
 * provides app-wide, so install that plugin too.
 */
export const windowsReadinessScaffolderModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [clusterPickerFormFieldExtension, osSkuPickerFormFieldExtension],
});
