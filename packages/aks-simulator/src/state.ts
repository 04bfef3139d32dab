import type {
  Cluster,
  Fleet,
  KubernetesObject,
  NodePool,
} from '@winready/plugin-windows-readiness-common';
import { prepareObjects } from './kubernetes/objects';
import type { AgentPoolSettings } from './arm/agentPoolScaling';

/** Where a cluster lives in ARM. */
export interface ArmLocation {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
}

export const DEFAULT_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';
export const DEFAULT_LOCATION = 'westeurope';
export const DEFAULT_KUBERNETES_VERSION = '1.33.2';

/** The cluster's `azure` block, with the simulator's defaults filled in. */
export function armLocationOf(cluster: Cluster): ArmLocation {
  return {
    subscriptionId: cluster.azure?.subscriptionId || DEFAULT_SUBSCRIPTION_ID,
    resourceGroup: cluster.azure?.resourceGroup || `rg-${cluster.name}`,
    location: cluster.azure?.location || DEFAULT_LOCATION,
  };
}

export type ProvisioningState =
  | 'Succeeded'
  | 'Creating'
  | 'Updating'
  | 'Failed';

export interface PoolState {
  pool: NodePool;
  provisioningState: ProvisioningState;
  /** Autoscaling, maxPods and zones of pools created through ARM. */
  settings?: AgentPoolSettings;
}

export interface ClusterState {
  /** The fleet's cluster; its nodePools are the pools as loaded. */
  cluster: Cluster;
  arm: ArmLocation;
  pools: PoolState[];
  /** The fleet's objects with uid, resourceVersion and creationTimestamp. */
  objects: KubernetesObject[];
  /** Grows with every change (agent pool PUTs): lists report it. */
  resourceVersion: number;
}

const FIRST_RESOURCE_VERSION = 1000;

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The simulated world: clusters and their pools, as PUTs leave them. */
export class SimulatorState {
  readonly clusters: ClusterState[];

  constructor(readonly fleet: Fleet) {
    this.clusters = fleet.clusters.map(cluster => {
      const objects = prepareObjects(
        cluster.name,
        cluster.objects ?? [],
        FIRST_RESOURCE_VERSION,
      );
      return {
        cluster,
        arm: armLocationOf(cluster),
        pools: cluster.nodePools.map(pool => ({
          pool: { ...pool },
          provisioningState: 'Succeeded' as const,
        })),
        objects,
        resourceVersion: FIRST_RESOURCE_VERSION + objects.length,
      };
    });
  }

  /** A cluster by its exact name (Kubernetes paths). */
  cluster(name: string): ClusterState | undefined {
    return this.clusters.find(state => state.cluster.name === name);
  }

  /** A cluster by ARM coordinates, compared without case as ARM does. */
  armCluster(
    subscriptionId: string,
    resourceGroup: string,
    name: string,
  ): ClusterState | undefined {
    return this.clusters.find(
      state =>
        sameName(state.arm.subscriptionId, subscriptionId) &&
        sameName(state.arm.resourceGroup, resourceGroup) &&
        sameName(state.cluster.name, name),
    );
  }

  /** Clusters of a subscription, and of a resource group when given. */
  armClusters(subscriptionId: string, resourceGroup?: string): ClusterState[] {
    return this.clusters.filter(
      state =>
        sameName(state.arm.subscriptionId, subscriptionId) &&
        (resourceGroup === undefined ||
          sameName(state.arm.resourceGroup, resourceGroup)),
    );
  }

  static pool(state: ClusterState, name: string): PoolState | undefined {
    return state.pools.find(pool => sameName(pool.pool.name, name));
  }

  /**
   * The cluster as its nodes stand: the fleet cluster with the pools that
   * have nodes (not those being created or that failed to be).
   */
  static liveCluster(state: ClusterState): Cluster {
    return {
      ...state.cluster,
      nodePools: state.pools
        .filter(
          pool =>
            pool.provisioningState === 'Succeeded' ||
            pool.provisioningState === 'Updating',
        )
        .map(pool => pool.pool),
    };
  }
}
