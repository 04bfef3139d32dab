import {
  countPoolWorkloads,
  emptyPoolWorkloadCounts,
  namespaceOwnerOf,
  toWorkloadRow,
  workloadRowFilter,
  workloadStatusCounts,
  type NamespaceOwner,
  type PoolWorkloadCounts,
  type WorkloadRow,
  type WorkloadsResponse,
} from '@winready/plugin-windows-readiness-common';
import type { StoredWorkloadPlacement, WindowsReadinessStore } from '../store';
import type { WorkloadsQueryInput } from './reportQuery';

/**
 * The workloads no catalog entity maps to (cluster data: every holder of
 * report read sees them), and per-pool workload counts limited to what a
 * caller may read. Both read stored rows once per results version.
 */
export class WorkloadQueries {
  private readonly ownerOf: (namespace: string) => string | undefined;

  constructor(
    private readonly deps: {
      store: WindowsReadinessStore;
      namespaceOwners: readonly NamespaceOwner[];
    },
  ) {
    this.ownerOf = namespaceOwnerOf(deps.namespaceOwners);
  }

  private unowned?: { version: number; rows: Promise<WorkloadRow[]> };
  private placements?: {
    version: number;
    rows: Promise<StoredWorkloadPlacement[]>;
  };

  private async unownedRows(): Promise<WorkloadRow[]> {
    const version = await this.deps.store.resultsVersion();
    if (!this.unowned || this.unowned.version !== version) {
      const rows = this.deps.store.listUnownedWorkloads().then(list =>
        list.map(({ result, evaluatedAt }) => {
          const owner = this.ownerOf(result.namespace);
          return toWorkloadRow(
            result,
            [],
            owner ? { owner, ownerSource: 'namespace' } : {},
            evaluatedAt,
          );
        }),
      );
      rows.catch(() => (this.unowned = undefined));
      this.unowned = { version, rows };
    }
    return this.unowned.rows;
  }

  /** `GET /v1/workloads`: filtered, counted per status, paged. */
  async workloads(query: WorkloadsQueryInput): Promise<WorkloadsResponse> {
    const [rows, evaluatedAt] = await Promise.all([
      this.unownedRows(),
      this.deps.store.getLastEvaluatedAt(),
    ]);
    const kept = rows.filter(workloadRowFilter(query));
    const offset = query.offset ?? 0;
    return {
      ...(evaluatedAt ? { evaluatedAt } : {}),
      total: kept.length,
      offset,
      items: kept.slice(offset, query.limit ? offset + query.limit : undefined),
      byStatus: workloadStatusCounts(
        rows.filter(workloadRowFilter(query, { ignoreStatus: true })),
      ),
    };
  }

  /**
   * Per cluster and pool, the counts over the workloads no entity maps to
   * and those of readable entities: a count must not tell about a service
   * the caller may not read.
   */
  async poolCounts(
    readable: ReadonlySet<string>,
  ): Promise<Map<string, Map<string, PoolWorkloadCounts>>> {
    const version = await this.deps.store.resultsVersion();
    if (!this.placements || this.placements.version !== version) {
      const rows = this.deps.store.listWorkloadPlacements();
      rows.catch(() => (this.placements = undefined));
      this.placements = { version, rows };
    }
    const byCluster = new Map<string, Map<string, PoolWorkloadCounts>>();
    for (const placement of await this.placements.rows) {
      const { serviceIds, pools } = placement;
      if (serviceIds.length && !serviceIds.some(id => readable.has(id))) {
        continue;
      }
      const counts =
        byCluster.get(placement.cluster) ??
        byCluster.set(placement.cluster, new Map()).get(placement.cluster)!;
      // Pools no readable workload names stay absent: the caller shows zeros.
      const named = [...pools.selected, ...pools.runsOn];
      for (const [name, zero] of emptyPoolWorkloadCounts(named)) {
        if (!counts.has(name)) counts.set(name, zero);
      }
      countPoolWorkloads(counts, pools);
    }
    return byCluster;
  }
}
