import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  aggregateReport,
  osSkuFit,
  reportRowFilter,
  whatIf,
  WhatIfError,
  type ClusterState,
  type OsSkuTable,
  type OsSkusResponse,
  type WhatIfRequest,
} from '@winready/plugin-windows-readiness-common';
import { InputError } from '@backstage/errors';
import { loadEntityServiceMap } from '../catalog/loadMappedEntities';
import type { StoredServiceResult, WindowsReadinessStore } from '../store';
import type { EntityCache } from './EntityCache';
import type { ReportQuery } from './reportQuery';
import { toReportRow, type ReportRow } from './reportRow';

/** Answers for the routes and the actions: permissions applied, no HTTP. */
export class ReadinessQueries {
  constructor(
    private readonly deps: {
      store: WindowsReadinessStore;
      catalog: CatalogService;
      permissions: PermissionsService;
      entities: EntityCache;
      osSkus: OsSkuTable;
      retirementWarningDays: number;
      now: () => Date;
    },
  ) {}

  /** Entity refs the caller may read; undefined when it may read them all. */
  async readableRefs(
    credentials: BackstageCredentials,
  ): Promise<Set<string> | undefined> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.DENY) return new Set();
    // Conditional: the catalog applies its own rules to the caller's token.
    const map = await loadEntityServiceMap(this.deps.catalog, credentials);
    return new Set(map.entities.keys());
  }

  /** How many stored services the caller may read; undefined when it may read them all. */
  async readableServiceCount(
    credentials: BackstageCredentials,
  ): Promise<number | undefined> {
    const readable = await this.readableRefs(credentials);
    if (!readable) return undefined;
    const { items } = await this.allResults();
    return items.filter(stored => readable.has(stored.id)).length;
  }

  async entity(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<StoredServiceResult & { clusterStates: ClusterState[] }> {
    const [decision] = await this.deps.permissions.authorize(
      [{ permission: catalogEntityReadPermission, resourceRef: ref }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not read ${ref}`);
    }
    const stored = await this.deps.store.getServiceResult(ref);
    if (!stored) {
      throw new NotFoundError(
        `No Windows readiness for ${ref}: no workload in any collected cluster maps to it`,
      );
    }
    return {
      ...stored,
      clusterStates: await this.clusterStates(stored.clusters),
    };
  }

  async report(query: ReportQuery, credentials: BackstageCredentials) {
    const [readable, entities, all] = await Promise.all([
      this.readableRefs(credentials),
      this.deps.entities.get(),
      this.allResults(),
    ]);
    const kept = reportRowFilter(query);
    const rows: ReportRow[] = [];
    const visible: StoredServiceResult[] = [];
    for (const stored of all.items) {
      if (readable && !readable.has(stored.id)) continue;
      const row = toReportRow(stored, entities.entities.get(stored.id));
      if (!kept(row)) continue;
      rows.push(row);
      visible.push(stored);
    }
    const summary = aggregateReport(
      visible.map(stored => ({ ...stored.result, id: stored.id })),
      Object.fromEntries(rows.map(row => [row.entityRef, row.owner])),
    );
    const offset = query.offset ?? 0;
    return {
      asOf: await this.deps.store.getLastAsOf(),
      evaluatedAt: all.evaluatedAt,
      total: rows.length,
      offset,
      items: rows.slice(offset, query.limit ? offset + query.limit : undefined),
      summary,
    };
  }

  // The report reads every result; parse them once per evaluation, not per view.
  private cached?: { evaluatedAt?: string; items: StoredServiceResult[] };

  private async allResults() {
    const evaluatedAt = await this.deps.store.getLastEvaluatedAt();
    if (!this.cached || this.cached.evaluatedAt !== evaluatedAt) {
      const page = await this.deps.store.listServiceResults();
      this.cached = { evaluatedAt, items: page.items };
    }
    return this.cached;
  }

  async whatIf(request: WhatIfRequest, credentials: BackstageCredentials) {
    const [readable, entities, fleet, asOf] = await Promise.all([
      this.readableRefs(credentials),
      this.deps.entities.get(),
      this.deps.store.loadFleet(),
      this.deps.store.getLastAsOf(),
    ]);
    try {
      // As of the stored evaluation, so that "before" is the report's status.
      const answer = whatIf(fleet, request, {
        asOf: asOf ? new Date(asOf) : this.deps.now(),
        osSkus: this.deps.osSkus,
        retirementWarningDays: this.deps.retirementWarningDays,
        serviceIdsOf: entities.serviceIdsOf,
      });
      return {
        ...answer,
        impacted: answer.impacted.filter(i => !readable || readable.has(i.id)),
      };
    } catch (error) {
      if (error instanceof WhatIfError) throw new InputError(error.message);
      throw error;
    }
  }

  /**
   * What a new Windows pool of each OS SKU could run: the stored fleet's
   * services judged against each SKU's build, counted over the services the
   * caller may read, with the SKU's Kubernetes limits checked against `cluster`.
   */
  async osSkus(
    cluster: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<OsSkusResponse> {
    const [readable, entities, fleet, evaluatedAt] = await Promise.all([
      this.readableRefs(credentials),
      this.deps.entities.get(),
      this.deps.store.loadFleet(),
      this.deps.store.getLastEvaluatedAt(),
    ]);
    let answer;
    try {
      answer = osSkuFit(fleet, {
        osSkus: this.deps.osSkus,
        serviceIdsOf: entities.serviceIdsOf,
        cluster,
      });
    } catch (error) {
      if (error instanceof WhatIfError) {
        throw new InputError(`query parameter 'cluster': ${error.message}`);
      }
      throw error;
    }
    const visible = (ids: string[]) =>
      readable ? ids.filter(id => readable.has(id)) : ids;
    return {
      ...(answer.cluster ? { cluster: answer.cluster } : {}),
      ...(evaluatedAt ? { evaluatedAt } : {}),
      items: answer.items.map(({ fit, noFit, unknown, ...sku }) => {
        const counts = {
          fit: visible(fit).length,
          noFit: visible(noFit).length,
          unknown: visible(unknown).length,
        };
        return {
          ...sku,
          services: {
            ...counts,
            total: counts.fit + counts.noFit + counts.unknown,
          },
          notFitting: visible(noFit),
        };
      }),
    };
  }

  /** Every cluster, with the services named on its pools limited to those the caller may read. */
  async clusters(credentials: BackstageCredentials) {
    const [readable, results, states] = await Promise.all([
      this.readableRefs(credentials),
      this.deps.store.listClusterResults(),
      this.deps.store.listClusterStates(),
    ]);
    const stored = new Map(states.map(c => [c.name, c]));
    return results.map(({ result, evaluatedAt }) => ({
      ...result,
      pools: result.pools.map(pool => ({
        ...pool,
        services: readable
          ? pool.services.filter(ref => readable.has(ref))
          : pool.services,
      })),
      evaluatedAt,
      stale: stored.get(result.name)?.stale ?? false,
      attemptedAt: stored.get(result.name)?.attemptedAt,
      collectedAt: stored.get(result.name)?.collectedAt,
      errors: stored.get(result.name)?.errors ?? result.errors,
    }));
  }

  // Only the state columns: reading every snapshot per page view was the
  // entity endpoint's slowest part (bench:api).
  private clusterStates(names: string[]): Promise<ClusterState[]> {
    return this.deps.store.listClusterStates(names);
  }
}
