import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import {
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import {
  WindowsOsSkuPickerFieldExtension,
  WindowsReadinessClusterPickerFieldExtension,
} from './plugin';

// What the legacy scaffolder page does with the children of <ScaffolderFieldExtensions>.
function FieldNames(props: { outlet: React.ReactNode }) {
  const fields = useCustomFieldExtensions(props.outlet);
  return (
    <ul>
      {fields.map(field => (
        <li key={field.name}>
          {field.name}: {typeof field.component}, validation{' '}
          {typeof field.validation}
        </li>
      ))}
    </ul>
  );
}

describe('the legacy scaffolder field extensions', () => {
  it('register both fields under the names templates use in ui:field', async () => {
    await renderInTestApp(
      <FieldNames
        outlet={
          <ScaffolderFieldExtensions>
            <WindowsReadinessClusterPickerFieldExtension />
            <WindowsOsSkuPickerFieldExtension />
          </ScaffolderFieldExtensions>
        }
      />,
    );
    expect(
      screen.getByText(
        'WindowsReadinessClusterPicker: function, validation function',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('WindowsOsSkuPicker: function, validation function'),
    ).toBeInTheDocument();
  });
});
