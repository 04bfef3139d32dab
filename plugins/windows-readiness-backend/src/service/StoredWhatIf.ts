import {
  ImageCatalog,
  createCheckContext,
  evaluateWorkload,
  fleetWithPoolOsSku,
  mergeServiceResult,
  profilePool,
  serviceImpact,
  sortImpacts,
  whatIfTarget,
  type OsSkuTable,
  type WhatIfImpact,
  type WhatIfRequest,
  type WhatIfResult,
  type WorkloadResult,
} from '@winready/plugin-windows-readiness-common';
import { VersionedAnswers } from './VersionedAnswers';
import {
  collectedCluster,
  SLICE,
  storedAsOf,
  storedWorkloads,
  yieldToLoop,
} from './collectedCluster';
import type { WindowsReadinessStore } from '../store';

/**
 * What-if from the stored per-cluster facts: the moved pool's cluster is
 * judged again from its stored pools and workloads (never the snapshot, never
 * another cluster's objects), and each service it touches is merged with its
 * stored results elsewhere. Bounded in concurrency, cached per results
 * version, and yielding to the event loop between slices of workloads.
 */
export class StoredWhatIf {
  private readonly answers: VersionedAnswers<WhatIfResult>;

  constructor(
    private readonly deps: {
      store: WindowsReadinessStore;
      osSkus: OsSkuTable;
      retirementWarningDays: number;
      now: () => Date;
      /** What-ifs judged at once; the others wait. Default 2. */
      concurrency?: number;
      /** Answers kept (the results version is part of the key). Default 64. */
      cacheSize?: number;
    },
  ) {
    this.answers = new VersionedAnswers({
      concurrency: deps.concurrency,
      size: deps.cacheSize,
    });
  }

  async run(request: WhatIfRequest): Promise<WhatIfResult> {
    return this.answers.get(
      await this.deps.store.resultsVersion(),
      [request.cluster, request.pool, request.osSku],
      () => this.judge(request),
    );
  }

  private async judge(request: WhatIfRequest): Promise<WhatIfResult> {
    const { store, osSkus } = this.deps;
    const target = whatIfTarget(osSkus, request.osSku);
    const facts = await collectedCluster(store, request.cluster);
    const moved = fleetWithPoolOsSku(
      {
        apiVersion: 'winready/v1',
        kind: 'Fleet',
        metadata: { name: 'what-if' },
        clusters: [facts],
      },
      request,
      target,
    ).clusters[0];
    const asOf = await storedAsOf(store, this.deps.now);
    const context = createCheckContext({
      asOf,
      osSkus,
      retirementWarningDays: this.deps.retirementWarningDays,
    });
    const pools = moved.nodePools.map(pool => profilePool(moved, pool, osSkus));
    const fromOsSku =
      facts.nodePools
        .filter(pool => pool.name === request.pool)
        .map(pool => profilePool(facts, pool, osSkus).osSku)[0] ?? null;

    // An OS SKU move is told per service: workloads no entity maps to are left out.
    const workloads = await storedWorkloads(
      store,
      request.cluster,
      row => row.serviceIds.length > 0,
    );
    const catalog = new ImageCatalog(
      await store.imageRecords([
        ...new Set(workloads.flatMap(row => row.result.images)),
      ]),
    );
    const after = new Map<string, WorkloadResult[]>();
    for (const [index, row] of workloads.entries()) {
      if (index > 0 && index % SLICE === 0) await yieldToLoop();
      const { result } = evaluateWorkload(
        row.workload,
        pools,
        moved.objects ?? [],
        catalog,
        context,
      );
      for (const serviceId of row.serviceIds) {
        after.set(serviceId, [
          ...(after.get(serviceId) ?? []),
          { ...result, serviceId },
        ]);
      }
    }

    const stored = await store.workloadResultsOfServices([...after.keys()]);
    const impacted: WhatIfImpact[] = [];
    for (const [id, moves] of after) {
      const everywhere = stored.get(id) ?? [];
      const elsewhere = everywhere.filter(w => w.cluster !== request.cluster);
      const impact = serviceImpact(
        mergeServiceResult(id, everywhere),
        mergeServiceResult(id, [...elsewhere, ...moves]),
      );
      if (impact) impacted.push(impact);
    }
    return {
      cluster: request.cluster,
      pool: request.pool,
      fromOsSku,
      toOsSku: target.osSku,
      asOf: asOf.toISOString(),
      impacted: sortImpacts(impacted),
    };
  }
}
