/** Where the OS SKU picker reads the chosen cluster unless `ui:options.clusterField` says otherwise. */
export const DEFAULT_CLUSTER_FIELD = 'cluster';

/**
 * The name of the cluster chosen earlier in the form. The scaffolder gives
 * every field `formContext.formData`: the state of the whole form, all steps
 * merged. The field holds a `WindowsReadinessClusterPicker` value
 * (`{ name, ... }`) or, in simpler templates, the cluster name itself.
 */
export function chosenClusterName(
  formData: unknown,
  clusterField: string = DEFAULT_CLUSTER_FIELD,
): string | undefined {
  if (!formData || typeof formData !== 'object') return undefined;
  const value = (formData as Record<string, unknown>)[clusterField];
  if (typeof value === 'string') return value || undefined;
  if (value && typeof value === 'object') {
    const name = (value as { name?: unknown }).name;
    return typeof name === 'string' && name ? name : undefined;
  }
  return undefined;
}
