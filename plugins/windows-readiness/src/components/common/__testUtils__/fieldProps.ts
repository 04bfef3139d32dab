/**
 * The props the scaffolder's form gives a custom field (RJSF `FieldProps` as
 * Backstage's Form wraps them), with the ones a test cares about overridden.
 */
export function fieldProps<T>(
  overrides: {
    name?: string;
    title?: string;
    description?: string;
    formData?: T;
    formContext?: { formData?: Record<string, unknown> };
    uiSchema?: Record<string, unknown>;
    rawErrors?: string[];
    required?: boolean;
    onChange?: jest.Mock;
  } = {},
) {
  const name = overrides.name ?? 'field';
  return {
    name,
    schema: {
      type: 'string',
      title: overrides.title,
      description: overrides.description,
    },
    uiSchema: overrides.uiSchema ?? {},
    idSchema: { $id: `root_${name}` },
    formData: overrides.formData,
    formContext: overrides.formContext ?? { formData: {} },
    rawErrors: overrides.rawErrors ?? [],
    required: overrides.required ?? true,
    disabled: false,
    readonly: false,
    onChange: overrides.onChange ?? jest.fn(),
    onBlur: jest.fn(),
    onFocus: jest.fn(),
    registry: {},
  } as any;
}
