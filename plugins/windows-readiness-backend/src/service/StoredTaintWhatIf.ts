import {
  ImageCatalog,
  namespaceOwnerOf,
  taintWhatIf,
  type NamespaceOwner,
  type OsSkuTable,
  type TaintWhatIfRequest,
  type TaintWhatIfResult,
  type TaintWhatIfWorkload,
  type Workload,
  type WorkloadOwnerSource,
} from '@winready/plugin-windows-readiness-common';
import type { WindowsReadinessStore } from '../store';
import { VersionedAnswers } from './VersionedAnswers';
import {
  collectedCluster,
  storedAsOf,
  storedWorkloads,
} from './collectedCluster';

/** Who owns a workload: its first service's owner in the catalog, else its namespace's. */
export function workloadOwner(
  entityOwner: (ref: string) => string | undefined,
  namespaceOwners: readonly NamespaceOwner[],
): (
  workload: Pick<Workload, 'namespace'>,
  serviceIds: readonly string[],
) => { owner?: string; ownerSource?: WorkloadOwnerSource } {
  const ofNamespace = namespaceOwnerOf(namespaceOwners);
  return (workload, serviceIds) => {
    for (const id of serviceIds) {
      const owner = entityOwner(id);
      if (owner) return { owner, ownerSource: 'entity' };
    }
    const owner = ofNamespace(workload.namespace);
    return owner ? { owner, ownerSource: 'namespace' } : {};
  };
}

/**
 * Taint what-if from the stored per-cluster facts: the pool's cluster is
 * judged again from its stored pools and every stored workload of it, those
 * no entity maps to included. Bounded and cached as the OS SKU what-if; the
 * caller's read access is applied by `visibleTaintImpacts`.
 */
export class StoredTaintWhatIf {
  private readonly answers: VersionedAnswers<TaintWhatIfResult>;

  constructor(
    private readonly deps: {
      store: WindowsReadinessStore;
      osSkus: OsSkuTable;
      retirementWarningDays: number;
      now: () => Date;
      namespaceOwners: readonly NamespaceOwner[];
      entityOwner: () => Promise<(ref: string) => string | undefined>;
      concurrency?: number;
      cacheSize?: number;
    },
  ) {
    this.answers = new VersionedAnswers({
      concurrency: deps.concurrency,
      size: deps.cacheSize,
    });
  }

  async run(request: TaintWhatIfRequest): Promise<TaintWhatIfResult> {
    return this.answers.get(
      await this.deps.store.resultsVersion(),
      [request.cluster, request.pool, request.addTaint, request.removeTaint],
      () => this.judge(request),
    );
  }

  private async judge(request: TaintWhatIfRequest) {
    const { store, osSkus } = this.deps;
    const facts = await collectedCluster(store, request.cluster);
    const workloads: TaintWhatIfWorkload[] = await storedWorkloads(
      store,
      request.cluster,
    );
    const catalog = new ImageCatalog(
      await store.imageRecords([
        ...new Set(workloads.flatMap(row => row.workload.images ?? [])),
      ]),
    );

    return taintWhatIf(facts, workloads, catalog, request, {
      asOf: await storedAsOf(store, this.deps.now),
      osSkus,
      retirementWarningDays: this.deps.retirementWarningDays,
      ownerOf: workloadOwner(
        await this.deps.entityOwner(),
        this.deps.namespaceOwners,
      ),
    });
  }
}

/**
 * What the caller may see of an answer: a workload of catalog entities only
 * when it may read one of them, naming only those (and the owner of one of
 * them); a workload no entity maps to is cluster data, shown to every holder
 * of report read.
 */
export function visibleTaintImpacts(
  answer: TaintWhatIfResult,
  readable: ReadonlySet<string> | undefined,
  entityOwner: (ref: string) => string | undefined,
): TaintWhatIfResult {
  if (!readable) return answer;
  return {
    ...answer,
    impacted: answer.impacted.flatMap(impact => {
      if (impact.services.length === 0) return [impact];
      const services = impact.services.filter(ref => readable.has(ref));
      if (services.length === 0) return [];
      if (services.length === impact.services.length) return [impact];
      const { ownerSource: _source, ...rest } = impact;
      const owner = services.map(entityOwner).find(Boolean);
      return [
        {
          ...rest,
          services,
          owner: owner ?? null,
          ...(owner ? { ownerSource: 'entity' as const } : {}),
        },
      ];
    }),
  };
}
