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
  osSkuFitItems,
  reportRowFilter,
  WhatIfError,
  type Fit,
  type ClusterState,
  type FactsResponse,
  type OsSkuTable,
  type OsSkusResponse,
  type ReportResponse,
  type NamespaceOwner,
  type TaintWhatIfRequest,
  type TaintWhatIfResponse,
  type WhatIfRequest,
  type WhatIfResponse,
} from '@winready/plugin-windows-readiness-common';
import { InputError } from '@backstage/errors';
import { loadEntityServiceMap } from '../catalog/loadMappedEntities';
import type { StoredServiceResult, WindowsReadinessStore } from '../store';
import type { EntityCache } from './EntityCache';
import { factsOf } from './factsQuery';
import type { ReportQuery } from './reportQuery';
import { StoredWhatIf } from './StoredWhatIf';
import { ReportAnswers, reportPage } from './reportAnswers';
import { StoredTaintWhatIf, visibleTaintImpacts } from './StoredTaintWhatIf';
import type { WorkloadQueries } from './WorkloadQueries';
import { toReportRow, type ReportRow } from './reportRow';

// A what-if's own errors (unknown pool, malformed taint) are the caller's: a 400.
function asInputError<T>(answer: Promise<T>): Promise<T> {
  return answer.catch(error => {
    if (error instanceof WhatIfError) throw new InputError(error.message);
    throw error;
  });
}

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
      namespaceOwners: readonly NamespaceOwner[];
      workloads: WorkloadQueries;
    },
  ) {
    this.storedWhatIf = new StoredWhatIf(deps);
    this.storedTaintWhatIf = new StoredTaintWhatIf({
      ...deps,
      entityOwner: () => this.entityOwner(),
    });
  }

  private readonly storedWhatIf: StoredWhatIf;
  private readonly storedTaintWhatIf: StoredTaintWhatIf;

  private async entityOwner() {
    const { entities } = await this.deps.entities.get();
    return (ref: string) => entities.get(ref)?.owner;
  }

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

  /** The report the caller may read, with its ETag (results version, visibility, filters, page). */
  async report(
    query: ReportQuery,
    credentials: BackstageCredentials,
  ): Promise<ReportResponse & { etag: string }> {
    const [readable, entities, all, asOf] = await Promise.all([
      this.readableRefs(credentials),
      this.deps.entities.get(),
      this.allResults(),
      this.deps.store.getLastAsOf(),
    ]);
    // Titles and owners come from the catalog, read again apart from the results.
    const { key, etag } = ReportAnswers.tag(
      all.version * 1_000_000 + this.generationOf(entities),
      readable,
      query,
    );
    const body = await this.reports.get(key, () => {
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
      return { rows, summary };
    });
    return {
      ...reportPage(body, query, { asOf, evaluatedAt: all.evaluatedAt }),
      etag,
    };
  }

  private readonly reports = new ReportAnswers();
  private readonly generations = new WeakMap<object, number>();
  private nextGeneration = 0;

  private generationOf(entities: object): number {
    let generation = this.generations.get(entities);
    if (generation === undefined) {
      generation = ++this.nextGeneration % 1_000_000;
      this.generations.set(entities, generation);
    }
    return generation;
  }

  /** Each readable service's facts (Tech Insights, notifications, actions). */
  async facts(credentials: BackstageCredentials): Promise<FactsResponse> {
    const [readable, entities, all, clusters, asOf] = await Promise.all([
      this.readableRefs(credentials),
      this.deps.entities.get(),
      this.allResults(),
      this.deps.store.listClusterResults(),
      this.deps.store.getLastAsOf(),
    ]);
    return factsOf({
      services: all.items,
      clusters,
      readable,
      ownerOf: ref => entities.entities.get(ref)?.owner,
      asOf,
      evaluatedAt: all.evaluatedAt,
      now: this.deps.now,
    });
  }

  // The report reads every result; parse them once per results version, not per view.
  private cached?: {
    version: number;
    evaluatedAt?: string;
    items: StoredServiceResult[];
  };

  private async allResults() {
    const version = await this.deps.store.resultsVersion();
    if (!this.cached || this.cached.version !== version) {
      const [page, evaluatedAt] = await Promise.all([
        this.deps.store.listServiceResults(),
        this.deps.store.getLastEvaluatedAt(),
      ]);
      this.cached = { version, evaluatedAt, items: page.items };
    }
    return this.cached;
  }

  /** Changes whenever the stored results change: the report's ETag. */
  async resultsVersion(): Promise<number> {
    return this.deps.store.resultsVersion();
  }

  async whatIf(
    request: WhatIfRequest,
    credentials: BackstageCredentials,
  ): Promise<WhatIfResponse> {
    const [readable, answer] = await Promise.all([
      this.readableRefs(credentials),
      asInputError(this.storedWhatIf.run(request)),
    ]);
    return {
      ...answer,
      impacted: answer.impacted.filter(i => !readable || readable.has(i.id)),
    };
  }

  /** Which workloads a taint added to (or removed from) a pool moves; what the caller may read of them. */
  async taintWhatIf(
    request: TaintWhatIfRequest,
    credentials: BackstageCredentials,
  ): Promise<TaintWhatIfResponse> {
    const [readable, answer, owners] = await Promise.all([
      this.readableRefs(credentials),
      asInputError(this.storedTaintWhatIf.run(request)),
      this.entityOwner(),
    ]);
    return visibleTaintImpacts(answer, readable, owners);
  }

  // The services' fit per OS SKU, stored by each evaluation: read once per results version.
  private fits?: {
    version: number;
    fits: Promise<Map<string, Record<string, Fit>>>;
  };

  private async skuFits() {
    const version = await this.deps.store.resultsVersion();
    if (!this.fits || this.fits.version !== version) {
      this.fits = { version, fits: this.deps.store.serviceSkuFits() };
    }
    return this.fits.fits;
  }

  /**
   * What a new Windows pool of each OS SKU could run: each service's stored
   * fit per SKU (worked out when its clusters were evaluated), counted over
   * the services the caller may read, with the SKU's Kubernetes limits
   * checked against `cluster`.
   */
  async osSkus(
    clusterName: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<OsSkusResponse> {
    const [readable, fits, evaluatedAt, facts] = await Promise.all([
      this.readableRefs(credentials),
      this.skuFits(),
      this.deps.store.getLastEvaluatedAt(),
      clusterName === undefined
        ? undefined
        : this.deps.store.clusterFacts(clusterName),
    ]);
    if (clusterName !== undefined && !facts) {
      const known = (await this.deps.store.listClusterStates()).map(
        c => c.name,
      );
      throw new InputError(
        `query parameter 'cluster': No cluster named "${clusterName}" has been collected (clusters: ${
          known.join(', ') || 'none'
        }).`,
      );
    }
    const visible = readable
      ? new Map([...fits].filter(([id]) => readable.has(id)))
      : fits;
    const items = osSkuFitItems(
      visible,
      this.deps.osSkus,
      facts?.kubernetesVersion,
    );
    return {
      ...(facts
        ? {
            cluster: {
              name: facts.name,
              ...(facts.kubernetesVersion !== undefined
                ? { kubernetesVersion: facts.kubernetesVersion }
                : {}),
            },
          }
        : {}),
      ...(evaluatedAt ? { evaluatedAt } : {}),
      items: items.map(({ fit, noFit, unknown, ...sku }) => ({
        ...sku,
        services: {
          fit: fit.length,
          noFit: noFit.length,
          unknown: unknown.length,
          total: fit.length + noFit.length + unknown.length,
        },
        notFitting: noFit,
      })),
    };
  }

  /**
   * Every cluster, with the services named on its pools and the pools'
   * workload counts limited to what the caller may read.
   */
  async clusters(credentials: BackstageCredentials) {
    const [readable, results, states] = await Promise.all([
      this.readableRefs(credentials),
      this.deps.store.listClusterResults(),
      this.deps.store.listClusterStates(),
    ]);
    const counts = readable && (await this.deps.workloads.poolCounts(readable));
    const zero = { on: 0, eligible: 0, blocked: 0 };
    const stored = new Map(states.map(c => [c.name, c]));
    return results.map(({ result, evaluatedAt }) => ({
      ...result,
      pools: result.pools.map(pool => ({
        ...pool,
        services: readable
          ? pool.services.filter(ref => readable.has(ref))
          : pool.services,
        ...(counts
          ? { workloads: counts.get(result.name)?.get(pool.name) ?? zero }
          : {}),
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
