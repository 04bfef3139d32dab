import type { AgentPool } from '@azure/arm-containerservice';

/** Where a pool goes: the cluster as ARM names it. */
export interface ClusterCoordinates {
  subscriptionId: string;
  resourceGroup: string;
  cluster: string;
}

/** The node pool a template asks for, before any check. */
export interface NodePoolRequest extends ClusterCoordinates {
  name: string;
  osSku: string;
  /** Derived from the OS SKU when absent. */
  osType?: 'Windows' | 'Linux';
  mode?: 'User' | 'System';
  vmSize: string;
  count?: number;
  enableAutoScaling?: boolean;
  minCount?: number;
  maxCount?: number;
  /** `key=value:Effect`, as ARM `nodeTaints` and `az aks nodepool add --node-taints`. */
  taints: string[];
  labels: Record<string, string>;
  /** The pool's Kubernetes version (`orchestratorVersion`); the cluster's when absent. */
  kubernetesVersion?: string;
  maxPods?: number;
  availabilityZones?: string[];
}

/** A request that passed validation: every choice made explicit. */
export interface NodePoolSpec extends ClusterCoordinates {
  name: string;
  osType: 'Windows' | 'Linux';
  osSku: string;
  mode: 'User' | 'System';
  vmSize: string;
  count: number;
  autoscaling?: { minCount: number; maxCount: number };
  taints: string[];
  labels: Record<string, string>;
  kubernetesVersion?: string;
  maxPods?: number;
  availabilityZones?: string[];
}

/** The ARM body of `agentPools.beginCreateOrUpdate` (facts 4.8). */
export function toAgentPool(spec: NodePoolSpec): AgentPool {
  const pool: AgentPool = {
    osType: spec.osType,
    osSKU: spec.osSku,
    mode: spec.mode,
    vmSize: spec.vmSize,
    count: spec.count,
    enableAutoScaling: !!spec.autoscaling,
    nodeTaints: spec.taints,
    nodeLabels: spec.labels,
    type: 'VirtualMachineScaleSets',
  };
  if (spec.autoscaling) {
    pool.minCount = spec.autoscaling.minCount;
    pool.maxCount = spec.autoscaling.maxCount;
  }
  if (spec.kubernetesVersion) pool.orchestratorVersion = spec.kubernetesVersion;
  if (spec.maxPods !== undefined) pool.maxPods = spec.maxPods;
  if (spec.availabilityZones?.length) {
    pool.availabilityZones = spec.availabilityZones;
  }
  return pool;
}
