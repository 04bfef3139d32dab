import { renderInTestApp } from '@backstage/frontend-test-utils';
import { formFieldsApiRef } from '@backstage/plugin-scaffolder/alpha';
import { windowsReadinessApiRef } from '@winready/plugin-windows-readiness';
import { appFeatures } from './App';

describe('the scaffolder of this app', () => {
  it('has the Windows readiness form fields and the API they call', async () => {
    const { apis } = renderInTestApp(<div />, { features: appFeatures });
    const fields = await apis.get(formFieldsApiRef)!.loadFormFields();
    // FormField is opaque; the scaffolder reads `name` to match `ui:field`.
    expect(
      fields.map(field => (field as unknown as { name: string }).name),
    ).toEqual(
      expect.arrayContaining([
        'WindowsReadinessClusterPicker',
        'WindowsOsSkuPicker',
      ]),
    );
    expect(apis.get(windowsReadinessApiRef)).toBeDefined();
  });
});
