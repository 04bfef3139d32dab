import type {
  ClustersResponse,
  WhatIfResponse,
} from '@winready/plugin-windows-readiness-common';
import clusters from './clusters.json';
import whatIfNpwin from './whatif-npwin-windows2022.json';
import whatIfNpw22 from './whatif-npw22-windows2025.json';

/** The real GET /v1/clusters of the demo fleet (as of 2026-11-27). */
export const demoClusters = clusters as unknown as ClustersResponse;
/** POST /v1/what-if aks-weu-legacy/npwin -> Windows2022: orders gets worse. */
export const demoWhatIfNpwin = whatIfNpwin as unknown as WhatIfResponse;
/** POST /v1/what-if aks-neu-modern/npw22 -> Windows2025: nothing gets worse. */
export const demoWhatIfNpw22 = whatIfNpw22 as unknown as WhatIfResponse;

/** The day the demo was evaluated. */
export const DEMO_NOW = new Date('2026-11-27T12:00:00Z');

type Cluster = ClustersResponse['items'][number];

/** One demo cluster by name, deep-copied so tests may change it. */
export function demoCluster(name: string): Cluster {
  const found = demoClusters.items.find(c => c.name === name);
  if (!found) throw new Error(`no demo cluster ${name}`);
  return JSON.parse(JSON.stringify(found));
}

/** The demo with aks-weu-legacy stale after a failed read. */
export function clustersWithStaleLegacy(): ClustersResponse {
  return {
    items: demoClusters.items.map(c =>
      c.name !== 'aks-weu-legacy'
        ? c
        : {
            ...demoCluster(c.name),
            stale: true,
            collectedAt: '2026-11-27T09:00:00.000Z',
            attemptedAt: '2026-11-27T11:00:00.000Z',
            errors: [
              {
                source: 'kubernetes',
                errorType: 'FETCH_ERROR',
                statusCode: 503,
                resourcePath: '/api/v1/nodes',
                message: 'service unavailable',
              },
            ],
          },
    ),
  };
}
