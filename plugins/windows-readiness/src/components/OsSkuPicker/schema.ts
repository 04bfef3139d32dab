import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The OS SKU picker's value (an AKS `osSKU`) and its options. */
export const OsSkuPickerFieldSchema = makeFieldSchema({
  output: z => z.string().describe('AKS OS SKU of the new Windows pool'),
  uiOptions: z =>
    z.object({
      clusterField: z
        .string()
        .optional()
        .describe(
          'The form field that holds the chosen cluster (default: cluster)',
        ),
    }),
});

export type WindowsOsSkuPickerProps = typeof OsSkuPickerFieldSchema.TProps;

/** `ui:options` of the OS SKU picker. */
export type OsSkuPickerUiOptions = {
  /** The form field that holds the chosen cluster; default `cluster`. */
  clusterField?: string;
};
