import type { ClustersResponse } from '@winready/plugin-windows-readiness-common';
import { formatAge } from '../common/formatAge';

/** One cluster as `GET /v1/clusters` lists it. */
export type KnownCluster = ClustersResponse['items'][number];

/**
 * The value of the cluster picker: what a template's steps need to reach the
 * cluster through ARM (`${{ parameters.cluster.subscriptionId }}` and so on).
 */
export interface ClusterChoice {
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  kubernetesVersion?: string;
  /** The cluster's pools as the readiness backend last saw them: lets a dry run refuse a taken name. */
  pools?: string[];
}

/** Why a cluster cannot be chosen: ARM does not know where it lives. */
export const NOT_ARM_REASON = 'not an AKS cluster known to ARM';

/**
 * The picker's value for a cluster, or undefined for a cluster that was not
 * found through ARM (no subscription or resource group): a template cannot
 * add a node pool to it.
 */
export function toClusterChoice(
  cluster: KnownCluster,
): ClusterChoice | undefined {
  const { subscriptionId, resourceGroup, location } = cluster.azure ?? {};
  if (!subscriptionId || !resourceGroup) return undefined;
  return {
    name: cluster.name,
    subscriptionId,
    resourceGroup,
    ...(location ? { location } : {}),
    ...(cluster.kubernetesVersion
      ? { kubernetesVersion: cluster.kubernetesVersion }
      : {}),
    pools: cluster.pools.map(pool => pool.name),
  };
}

export function windowsPoolCount(cluster: KnownCluster): number {
  return cluster.pools.filter(pool => pool.osType === 'Windows').length;
}

function windowsPools(count: number): string {
  if (count === 0) return 'no Windows pool';
  return `${count} Windows pool${count === 1 ? '' : 's'}`;
}

/** "Kubernetes 1.31.5 · westeurope · 1 Windows pool" */
export function clusterFacts(cluster: KnownCluster): string {
  return [
    `Kubernetes ${cluster.kubernetesVersion ?? 'version unknown'}`,
    cluster.azure?.location ?? 'location unknown',
    windowsPools(windowsPoolCount(cluster)),
  ].join(' · ');
}

/** "Stale: the last read failed; data from 3 hours ago", or undefined. */
export function staleHint(
  cluster: KnownCluster,
  now: Date,
): string | undefined {
  if (!cluster.stale) return undefined;
  return `Stale: the last read failed; data from ${formatAge(
    cluster.collectedAt,
    now,
  )}`;
}

/** Clusters by name, the ones a pool can be added to first. */
export function sortClusters(
  clusters: readonly KnownCluster[],
): KnownCluster[] {
  const rank = (c: KnownCluster) => (toClusterChoice(c) ? 0 : 1);
  return [...clusters].sort(
    (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name),
  );
}
