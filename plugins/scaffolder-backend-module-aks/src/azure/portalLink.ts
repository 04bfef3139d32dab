/** The Azure portal page of an ARM resource (agent pools open under their cluster). */
export function portalLink(resourceId: string): string {
  return `https://portal.azure.com/#resource${resourceId}/overview`;
}

/** The ARM id of an agent pool, for a dry run that never asks ARM. */
export function agentPoolResourceId(input: {
  subscriptionId: string;
  resourceGroup: string;
  cluster: string;
  name: string;
}): string {
  return `/subscriptions/${input.subscriptionId}/resourceGroups/${input.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${input.cluster}/agentPools/${input.name}`;
}
