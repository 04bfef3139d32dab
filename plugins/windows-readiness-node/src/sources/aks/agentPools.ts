import type { AgentPool, ManagedCluster } from '@azure/arm-containerservice';
import type { NodePool } from '@winready/plugin-windows-readiness-common';

/** An ARM agent pool as the fleet model holds it. */
export function nodePoolFromAgentPool(pool: AgentPool): NodePool {
  return {
    name: pool.name ?? '',
    osType: pool.osType === 'Windows' ? 'Windows' : 'Linux',
    ...(pool.osSKU ? { osSku: pool.osSKU } : {}),
    ...(pool.mode ? { mode: pool.mode } : {}),
    ...(pool.count !== undefined ? { count: pool.count } : {}),
    ...(pool.vmSize ? { vmSize: pool.vmSize } : {}),
    ...(pool.nodeImageVersion
      ? { nodeImageVersion: pool.nodeImageVersion }
      : {}),
    ...(pool.currentOrchestratorVersion || pool.orchestratorVersion
      ? {
          orchestratorVersion:
            pool.currentOrchestratorVersion ?? pool.orchestratorVersion,
        }
      : {}),
    taints: pool.nodeTaints ?? [],
    labels: pool.nodeLabels ?? {},
  };
}

/** `/subscriptions/{s}/resourceGroups/{rg}/providers/...` → rg. */
export function resourceGroupOf(cluster: ManagedCluster): string | undefined {
  return /\/resourceGroups\/([^/]+)\//i.exec(cluster.id ?? '')?.[1];
}
