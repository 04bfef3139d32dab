import {
  ContainerServiceClient,
  type ManagedCluster,
} from '@azure/arm-containerservice';
import type { TokenCredential } from '@azure/core-auth';
import { AKS_SERVER_SCOPE } from '../../azure/createAzureCredential';
import type { AzureSourceConfig } from '../../config/sourcesConfig';
import { toSourceError } from '../../snapshot/sourceError';
import type {
  ClusterLocator,
  ClusterTarget,
  KubernetesConnection,
  LocatedClusters,
} from '../types';
import { armClientOptions } from './armClientOptions';
import { nodePoolFromAgentPool, resourceGroupOf } from './agentPools';

export interface AksClusterLocatorOptions {
  credential: TokenCredential;
  config: AzureSourceConfig;
  /** Extra CA (PEM) for ARM: the AKS simulator's. */
  caPem?: string;
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

/**
 * Finds AKS clusters in the configured subscriptions through the real ARM
 * client, with their agent pools; connects to each API server with the
 * kubeconfig of listClusterUserCredential, or that server with an Entra token.
 */
export class AksClusterLocator implements ClusterLocator {
  readonly id = 'aks';

  constructor(private readonly options: AksClusterLocatorOptions) {}

  async locate(signal?: AbortSignal): Promise<LocatedClusters> {
    const located: LocatedClusters = { clusters: [], errors: [] };
    for (const subscription of this.options.config.subscriptions) {
      const client = new ContainerServiceClient(
        this.options.credential,
        subscription.id,
        armClientOptions(this.options.config.armEndpoint, this.options.caPem),
      );
      const groups = subscription.resourceGroups?.length
        ? subscription.resourceGroups
        : [undefined];
      for (const group of groups) {
        const scope = `/subscriptions/${subscription.id}${
          group ? `/resourceGroups/${group}` : ''
        }`;
        try {
          const clusters = await collect(
            group
              ? client.managedClusters.listByResourceGroup(group, {
                  abortSignal: signal,
                })
              : client.managedClusters.list({ abortSignal: signal }),
          );
          located.clusters.push(
            ...clusters.map(cluster =>
              this.target(client, subscription.id, cluster),
            ),
          );
        } catch (error) {
          located.errors.push(
            toSourceError(
              'aks',
              error,
              `${scope}/providers/Microsoft.ContainerService/managedClusters`,
            ),
          );
        }
      }
    }
    return located;
  }

  // The pools are read when the cluster is collected, not when it is located:
  // every replica locates all clusters, each collects only its share.
  private target(
    client: ContainerServiceClient,
    subscriptionId: string,
    cluster: ManagedCluster,
  ): ClusterTarget {
    const name = cluster.name ?? '';
    const resourceGroup = resourceGroupOf(cluster) ?? '';
    return {
      name,
      source: this.id,
      kubernetesVersion:
        cluster.currentKubernetesVersion ?? cluster.kubernetesVersion,
      azure: { subscriptionId, resourceGroup, location: cluster.location },
      errors: [],
      readPools: async poolSignal =>
        (
          await collect(
            client.agentPools.list(resourceGroup, name, {
              abortSignal: poolSignal,
            }),
          )
        ).map(nodePoolFromAgentPool),
      connect: connectSignal =>
        this.connect(client, resourceGroup, name, connectSignal),
    };
  }

  private async connect(
    client: ContainerServiceClient,
    resourceGroup: string,
    name: string,
    signal?: AbortSignal,
  ): Promise<KubernetesConnection> {
    const credentials = await client.managedClusters.listClusterUserCredentials(
      resourceGroup,
      name,
      { abortSignal: signal },
    );
    const value = credentials.kubeconfigs?.[0]?.value;
    if (!value) {
      throw new Error(
        `listClusterUserCredential of ${name} returned no kubeconfig`,
      );
    }
    const kubeconfig = Buffer.from(value).toString('utf8');
    if (this.options.config.kubernetesAccess !== 'entraToken') {
      return { server: '', kubeconfig };
    }
    // Entra access: the kubeconfig gives the server and its CA; the token is ours.
    const token = await this.options.credential.getToken(AKS_SERVER_SCOPE, {
      abortSignal: signal,
    });
    if (!token) throw new Error(`no Entra token for the AKS server scope`);
    return { server: '', kubeconfig, token: token.token };
  }
}
