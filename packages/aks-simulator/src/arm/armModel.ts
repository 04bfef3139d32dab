import { createHash } from 'node:crypto';
import {
  buildOsSkuTable,
  profilePool,
  type Cluster,
  type NodePool,
  type OsSkuTable,
} from '@winready/plugin-windows-readiness-common';
import { DEFAULT_MAX_PODS } from './agentPoolScaling';
import {
  DEFAULT_KUBERNETES_VERSION,
  type ArmLocation,
  type ClusterState,
  type PoolState,
} from '../state';

/**
 * Pure: the ARM JSON of managed clusters and agent pools, shaped as AKS
 * answers (facts 4.8 and 4.9): fields nested under `properties`, `osSKU` in
 * REST casing, read-only fields filled in.
 */

export const PROVIDER = 'Microsoft.ContainerService';
export const DEFAULT_VM_SIZE = 'Standard_D4s_v5';

function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** `/subscriptions/…/resourcegroups/…/providers/…/managedClusters/<name>`. */
export function managedClusterId(arm: ArmLocation, name: string): string {
  // AKS writes `resourcegroups` in lower case in cluster ids (and
  // `resourceGroups` in agent pool ids): parse ARM ids without case.
  return `/subscriptions/${arm.subscriptionId}/resourcegroups/${arm.resourceGroup}/providers/${PROVIDER}/managedClusters/${name}`;
}

export function agentPoolId(
  arm: ArmLocation,
  cluster: string,
  pool: string,
): string {
  return `/subscriptions/${arm.subscriptionId}/resourceGroups/${arm.resourceGroup}/providers/${PROVIDER}/managedClusters/${cluster}/agentPools/${pool}`;
}

/** `1.33` -> `1.33.0`; a full version stays as it is (without a `v`). */
export function fullKubernetesVersion(version: string): string {
  const plain = version.replace(/^v/, '');
  return /^\d+\.\d+$/.test(plain) ? `${plain}.0` : plain;
}

export function clusterKubernetesVersion(cluster: Cluster): string {
  return (cluster.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION).replace(
    /^v/,
    '',
  );
}

const BUILT_IN_OS_SKUS = buildOsSkuTable();

/**
 * The OS SKU ARM reports: the fleet's, else the one the pool's Node objects
 * in the fleet say (docs/rules.md rule 5), else AKS's default for the version:
 * the SKU the simulated nodes really run, as ARM would know it.
 */
export function armOsSku(
  cluster: Cluster,
  pool: NodePool,
  osSkus: OsSkuTable = BUILT_IN_OS_SKUS,
): string {
  return (
    profilePool(cluster, pool, osSkus).osSku ??
    (pool.osType === 'Windows' ? 'Windows2022' : 'Ubuntu')
  );
}

export function nodeCount(pool: NodePool): number {
  return pool.count ?? 1;
}

/** The `properties` of an agent pool (flattened into agentPoolProfiles too). */
export function agentPoolProperties(
  cluster: Cluster,
  state: PoolState,
): Record<string, unknown> {
  const { pool } = state;
  const settings = state.settings;
  const requested =
    pool.orchestratorVersion ?? clusterKubernetesVersion(cluster);
  const properties: Record<string, unknown> = {
    count: nodeCount(pool),
    vmSize: pool.vmSize ?? DEFAULT_VM_SIZE,
    osDiskSizeGB: 128,
    osDiskType: 'Managed',
    kubeletDiskType: 'OS',
    maxPods: settings?.maxPods ?? DEFAULT_MAX_PODS,
    type: 'VirtualMachineScaleSets',
    enableAutoScaling: settings?.enableAutoScaling ?? false,
    ...(settings?.enableAutoScaling
      ? { minCount: settings.minCount, maxCount: settings.maxCount }
      : {}),
    ...(settings?.availabilityZones
      ? { availabilityZones: [...settings.availabilityZones] }
      : {}),
    enableNodePublicIP: false,
    enableFIPS: false,
    mode: pool.mode ?? 'User',
    osType: pool.osType,
    osSKU: armOsSku(cluster, pool),
    orchestratorVersion: requested,
    currentOrchestratorVersion: fullKubernetesVersion(requested),
    provisioningState: state.provisioningState,
    powerState: { code: 'Running' },
    upgradeSettings: { maxSurge: '10%' },
    eTag: shortHash(
      JSON.stringify([pool, settings, state.provisioningState]),
      32,
    ),
  };
  if (pool.nodeImageVersion) {
    properties.nodeImageVersion = pool.nodeImageVersion;
  }
  if (pool.taints && pool.taints.length > 0) {
    properties.nodeTaints = [...pool.taints];
  }
  if (pool.labels && Object.keys(pool.labels).length > 0) {
    properties.nodeLabels = { ...pool.labels };
  }
  return properties;
}

/** An AgentPool resource, as `GET …/agentPools/{name}` answers. */
export function renderAgentPool(
  state: ClusterState,
  pool: PoolState,
): Record<string, unknown> {
  return {
    id: agentPoolId(state.arm, state.cluster.name, pool.pool.name),
    name: pool.pool.name,
    type: `${PROVIDER}/managedClusters/agentPools`,
    properties: agentPoolProperties(state.cluster, pool),
  };
}

/** A ManagedCluster resource, as `GET …/managedClusters/{name}` answers. */
export function renderManagedCluster(
  state: ClusterState,
): Record<string, unknown> {
  const { cluster, arm } = state;
  const version = clusterKubernetesVersion(cluster);
  const dnsPrefix = `${cluster.name}-dns`;
  const hash = shortHash(`${arm.subscriptionId}/${cluster.name}`);
  const properties: Record<string, unknown> = {
    provisioningState: 'Succeeded',
    powerState: { code: 'Running' },
    kubernetesVersion: version,
    currentKubernetesVersion: fullKubernetesVersion(version),
    dnsPrefix,
    fqdn: `${dnsPrefix}-${hash}.hcp.${arm.location}.azmk8s.io`,
    azurePortalFQDN: `${dnsPrefix}-${hash}.portal.hcp.${arm.location}.azmk8s.io`,
    agentPoolProfiles: state.pools.map(pool => ({
      name: pool.pool.name,
      ...agentPoolProperties(cluster, pool),
    })),
    nodeResourceGroup: `MC_${arm.resourceGroup}_${cluster.name}_${arm.location}`,
    enableRBAC: true,
    supportPlan: 'KubernetesOfficial',
    networkProfile: {
      networkPlugin: 'azure',
      loadBalancerSku: 'standard',
      serviceCidr: '10.0.0.0/16',
      dnsServiceIP: '10.0.0.10',
      outboundType: 'loadBalancer',
    },
    maxAgentPools: 100,
  };
  if (state.pools.some(pool => pool.pool.osType === 'Windows')) {
    properties.windowsProfile = {
      adminUsername: 'azureuser',
      enableCSIProxy: true,
    };
  }
  return {
    id: managedClusterId(arm, cluster.name),
    location: arm.location,
    name: cluster.name,
    type: `${PROVIDER}/ManagedClusters`,
    sku: { name: 'Base', tier: 'Free' },
    identity: {
      type: 'SystemAssigned',
      principalId: `${shortHash(
        `principal/${cluster.name}`,
      )}-0000-4000-8000-000000000000`,
      tenantId: '00000000-0000-0000-0000-00000000aaaa',
    },
    properties,
  };
}
