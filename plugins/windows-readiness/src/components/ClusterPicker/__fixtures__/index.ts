import type { ClustersResponse } from '@winready/plugin-windows-readiness-common';
import {
  clustersWithStaleLegacy,
  demoCluster,
} from '../../NodePoolsView/__fixtures__';

/**
 * GET /v1/clusters of the demo fleet (the simulator's ARM knows every
 * cluster), with aks-eus-linux taken out of ARM, as a cluster added through
 * the Kubernetes plugin's config would be; the last read of aks-weu-legacy
 * failed (stale).
 */
export function armClusters(): ClustersResponse {
  return {
    items: clustersWithStaleLegacy().items.map(cluster => {
      if (cluster.name !== 'aks-eus-linux') return cluster;
      const { azure: _outsideArm, ...rest } = demoCluster(cluster.name);
      return rest;
    }),
  };
}
