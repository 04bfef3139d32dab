import type { ClustersResponse } from '@winready/plugin-windows-readiness-common';
import {
  clustersWithStaleLegacy,
  demoCluster,
} from '../../NodePoolsView/__fixtures__';

const AZURE: Record<string, ClustersResponse['items'][number]['azure']> = {
  // As examples/fleets/demo.yaml places them; aks-eus-linux has no azure block.
  'aks-weu-legacy': {
    subscriptionId: '00000000-0000-0000-0000-000000000001',
    resourceGroup: 'rg-legacy',
    location: 'westeurope',
  },
  'aks-neu-modern': {
    subscriptionId: '00000000-0000-0000-0000-000000000001',
    resourceGroup: 'rg-modern',
    location: 'northeurope',
  },
  'aks-weu-batch': {
    subscriptionId: '00000000-0000-0000-0000-000000000001',
    resourceGroup: 'rg-batch',
    location: 'westeurope',
  },
};

/**
 * GET /v1/clusters of the demo fleet with the ARM locations the backend now
 * reports: three AKS clusters and aks-eus-linux, which ARM does not know; the
 * last read of aks-weu-legacy failed (stale).
 */
export function armClusters(): ClustersResponse {
  return {
    items: clustersWithStaleLegacy().items.map(cluster => {
      const copy = demoCluster(cluster.name);
      const azure = AZURE[cluster.name];
      return {
        ...copy,
        stale: cluster.stale,
        collectedAt: cluster.collectedAt,
        ...(azure ? { azure } : {}),
      };
    }),
  };
}
