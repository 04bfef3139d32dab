import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { windowsReadinessScaffolderModule } from '../alpha';
import {
  clusterPickerFormFieldExtension,
  osSkuPickerFormFieldExtension,
} from './scaffolderModule';

describe('windowsReadinessScaffolderModule', () => {
  it('adds two form fields to the scaffolder', () => {
    expect(windowsReadinessScaffolderModule.pluginId).toBe('scaffolder');
    // `extensions` is not in the public FrontendModule type; it is what the app reads.
    const { extensions } = windowsReadinessScaffolderModule as unknown as {
      extensions: Array<{ id: string; attachTo: unknown }>;
    };
    expect(extensions.map(e => e.id)).toEqual([
      'scaffolder-form-field:scaffolder/windows-readiness-cluster-picker',
      'scaffolder-form-field:scaffolder/windows-os-sku-picker',
    ]);
    for (const extension of extensions) {
      expect(extension.attachTo).toEqual({
        id: 'api:scaffolder/form-fields',
        input: 'formFields',
      });
    }
  });

  it.each([
    [clusterPickerFormFieldExtension, 'WindowsReadinessClusterPicker'],
    [osSkuPickerFormFieldExtension, 'WindowsOsSkuPicker'],
  ])(
    'loads the field that templates name in ui:field (%#)',
    async (extension, name) => {
      // Both are FormFieldBlueprint extensions; only their names differ in type.
      const load = createExtensionTester(
        extension as typeof clusterPickerFormFieldExtension,
      ).get(FormFieldBlueprint.dataRefs.formFieldLoader);
      // A FormField is opaque; its name, component and validation sit inside.
      const field = (await load()) as unknown as {
        name: string;
        component: unknown;
        validation: unknown;
        schema: { schema: { returnValue: { type: string } } };
      };
      expect(field.name).toBe(name);
      expect(typeof field.component).toBe('function');
      expect(typeof field.validation).toBe('function');
      expect(field.schema.schema.returnValue.type).toBe(
        name === 'WindowsOsSkuPicker' ? 'string' : 'object',
      );
    },
  );
});
