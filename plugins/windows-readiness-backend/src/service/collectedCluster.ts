import {
  WhatIfError,
  type Cluster,
} from '@winready/plugin-windows-readiness-common';
import type { StoredWorkload, WindowsReadinessStore } from '../store';

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

/** Lets the event loop serve other requests between pieces of a long judgement. */
export const yieldToLoop = () => new Promise(resolve => setImmediate(resolve));
/** Workloads judged between two yields: a few milliseconds of work. */
export const SLICE = 25;

/** A cluster's stored workloads that `keep` accepts, read with a yield every SLICE rows. */
export async function storedWorkloads(
  store: WindowsReadinessStore,
  cluster: string,
  keep: (row: StoredWorkload) => boolean = () => true,
): Promise<StoredWorkload[]> {
  const workloads: StoredWorkload[] = [];
  await store.forEachClusterWorkload(cluster, async row => {
    if (!keep(row)) return;
    workloads.push(row);
    if (workloads.length % SLICE === 0) await yieldToLoop();
  });
  return workloads;
}

/** The stored evaluation's "as of", so that a what-if counts days as the results did; `now` before any. */
export async function storedAsOf(
  store: WindowsReadinessStore,
  now: () => Date,
): Promise<Date> {
  const text = await store.getLastAsOf();
  return text ? new Date(text) : now();
}
