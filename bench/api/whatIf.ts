/**
 * The what-ifs `yarn bench:api` asks (`POST /v1/what-if`): Windows pools of
 * the generated fleet moved to another OS SKU, and the usual Windows taint
 * added to a pool. The backend caches an answer per request and results
 * version, so every measured first answer is a request of its own: one
 * pool each, taken a cluster at a time (a seeded order of the clusters,
 * then each cluster's next Windows pool), so that they spread over the fleet.
 */
import type { Fleet } from '@winready/plugin-windows-readiness-common';
import { Rng } from '../fleet';
import { WR } from './backstage';
import type { LoadRequest } from './load';

export const WHAT_IF_PATH = `${WR}/v1/what-if`;
export const WHAT_IF_TAINT = 'os=windows:NoSchedule';

/** Where pools move, in order: the newest SKU first, the next when a pool already runs it. */
const TARGET_OS_SKUS = ['Windows2025', 'Windows2022', 'Windows2019'];

interface WindowsPool {
  cluster: string;
  pool: string;
  osSku?: string;
}

/** Every Windows pool, one per cluster in a seeded cluster order, then the next of each. */
function spreadWindowsPools(fleet: Fleet, seed: string): WindowsPool[] {
  const rng = new Rng(`${seed}-what-if`);
  const clusters = [...fleet.clusters];
  for (let i = clusters.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [clusters[i], clusters[j]] = [clusters[j], clusters[i]];
  }
  const byCluster = clusters.map(cluster =>
    cluster.nodePools
      .filter(pool => pool.osType === 'Windows')
      .map(pool => ({
        cluster: cluster.name,
        pool: pool.name,
        osSku: pool.osSku,
      })),
  );
  const pools: WindowsPool[] = [];
  const rounds = Math.max(0, ...byCluster.map(list => list.length));
  for (let round = 0; round < rounds; round++) {
    for (const list of byCluster) if (list[round]) pools.push(list[round]);
  }
  return pools;
}

const post = (body: object): LoadRequest => ({
  method: 'POST',
  path: WHAT_IF_PATH,
  body: JSON.stringify(body),
});

export interface WhatIfPlan {
  /** Distinct OS SKU moves, each asked once. */
  osSku: LoadRequest[];
  /** Distinct taint additions, each asked once. */
  taint: LoadRequest[];
  /** One of each kind outside the measured ones: warms the route up. */
  warmUp: LoadRequest[];
  windowsPools: number;
  /** The first request of each kind, to show in the report. */
  examples: { osSku?: string; taint?: string };
}

/**
 * Up to `osSkuRequests` OS SKU moves (every pool to its first target, then
 * to its second, ...) and up to `taintRequests` taint additions.
 */
export function planWhatIfs(
  fleet: Fleet,
  options: { osSkuRequests: number; taintRequests: number; seed: string },
): WhatIfPlan {
  const pools = spreadWindowsPools(fleet, options.seed);
  const targets = (pool: WindowsPool) =>
    TARGET_OS_SKUS.filter(sku => sku !== pool.osSku);
  const moves: LoadRequest[] = [];
  for (let pass = 0; pass < TARGET_OS_SKUS.length - 1; pass++) {
    for (const pool of pools) {
      moves.push(
        post({
          cluster: pool.cluster,
          pool: pool.pool,
          osSku: targets(pool)[pass],
        }),
      );
    }
  }
  const osSku = moves.slice(0, options.osSkuRequests);
  const taint = pools
    .slice(0, options.taintRequests)
    .map(pool =>
      post({ cluster: pool.cluster, pool: pool.pool, addTaint: WHAT_IF_TAINT }),
    );
  const last = pools[pools.length - 1];
  const warmUp = last
    ? [
        moves[moves.length - 1],
        post({ cluster: last.cluster, pool: last.pool, removeTaint: 'os' }),
      ].filter(request => !osSku.includes(request))
    : [];
  return {
    osSku,
    taint,
    warmUp,
    windowsPools: pools.length,
    examples: { osSku: osSku[0]?.body, taint: taint[0]?.body },
  };
}
