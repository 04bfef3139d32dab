import {
  WhatIfError,
  type Cluster,
} from '@winready/plugin-windows-readiness-common';
import type { WindowsReadinessStore } from '../store';

/** The stored pools, Nodes and RuntimeClasses of a cluster; a WhatIfError naming the collected ones otherwise. */
export async function collectedCluster(
  store: WindowsReadinessStore,
  name: string,
): Promise<Cluster> {
  const facts = await store.clusterFacts(name);
  if (facts) return facts;
  const known = (await store.listClusterStates()).map(c => c.name);
  throw new WhatIfError(
    `No cluster named "${name}" has been collected (clusters: ${
      known.join(', ') || 'none'
    }).`,
  );
}
