import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The JSON schema of the cluster picker's value (`ClusterChoice`). */
export const ClusterPickerFieldSchema = makeFieldSchema({
  output: z =>
    z.object({
      name: z.string().describe('Cluster name'),
      subscriptionId: z.string().describe('Azure subscription of the cluster'),
      resourceGroup: z.string().describe('Resource group of the cluster'),
      location: z.string().optional().describe('Azure region'),
      kubernetesVersion: z.string().optional(),
      pools: z
        .array(z.string())
        .optional()
        .describe('Pool names as the readiness backend last saw them'),
    }),
});

export type WindowsReadinessClusterPickerProps =
  typeof ClusterPickerFieldSchema.TProps;
