/** ARM path patterns; provider segments match without case, as in ARM. */

const SUBSCRIPTION = '/subscriptions/([^/]+)';
const RESOURCE_GROUP = '/resourceGroups/([^/]+)';
const PROVIDER = '/providers/Microsoft\\.ContainerService';

function pattern(path: string): RegExp {
  return new RegExp(`^${path}/?$`, 'i');
}

const CLUSTER = `${SUBSCRIPTION}${RESOURCE_GROUP}${PROVIDER}/managedClusters/([^/]+)`;

export const ARM_PATHS = {
  /** [subscription] */
  subscriptionClusters: pattern(`${SUBSCRIPTION}${PROVIDER}/managedClusters`),
  /** [subscription, resourceGroup] */
  resourceGroupClusters: pattern(
    `${SUBSCRIPTION}${RESOURCE_GROUP}${PROVIDER}/managedClusters`,
  ),
  /** [subscription, resourceGroup, cluster] */
  cluster: pattern(CLUSTER),
  /** [subscription, resourceGroup, cluster] */
  agentPools: pattern(`${CLUSTER}/agentPools`),
  /** [subscription, resourceGroup, cluster, pool] */
  agentPool: pattern(`${CLUSTER}/agentPools/([^/]+)`),
  /** [subscription, resourceGroup, cluster] */
  userCredential: pattern(`${CLUSTER}/listClusterUserCredential`),
  /** [subscription, resourceGroup, cluster] */
  adminCredential: pattern(`${CLUSTER}/listClusterAdminCredential`),
  /** [subscription, location, operationId] */
  operation: pattern(
    `${SUBSCRIPTION}${PROVIDER}/locations/([^/]+)/operations/([^/]+)`,
  ),
  /** Anything else under a subscription. */
  any: /^\/subscriptions(\/.*)?$/i,
};
