import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ImageCatalog,
  createCheckContext,
  evaluateCluster,
  extractWorkloads,
  type Cluster,
  type ImageRecord,
  type OsSkuTable,
  type SourceError,
} from '@winready/plugin-windows-readiness-common';
import type { ClusterTarget } from '@winready/plugin-windows-readiness-node';
import type { EntityServiceMap } from '../catalog/EntityServiceMap';
import type { ServiceChange, WindowsReadinessStore } from '../store';
import { keepObjectsOfFailedKinds } from './lastGoodObjects';

/** What collecting one cluster needs of the sources. */
export interface ClusterSources {
  collectCluster(target: ClusterTarget, signal?: AbortSignal): Promise<Cluster>;
  describe(
    references: readonly string[],
    options?: { signal?: AbortSignal },
  ): Promise<Record<string, ImageRecord>>;
}

/** How one cluster went. */
export interface ClusterOutcome {
  name: string;
  /** False when its API could not be read: its last good data was judged again. */
  reachable: boolean;
  errors: SourceError[];
  /** Images the registries could not describe this time. */
  imageErrors: number;
  /** Services whose status this cluster's commit changed. */
  changes: ServiceChange[];
}

export interface ClusterPipelineOptions {
  store: WindowsReadinessStore;
  osSkus: OsSkuTable;
  retirementWarningDays: number;
  logger: LoggerService;
  now: () => Date;
  /** Names this backend instance in what it collects (replicas share the work). */
  instance: string;
}

const keyOf = (w: { kind: string; namespace: string; name: string }) =>
  `${w.kind}/${w.namespace}/${w.name}`;

/**
 * One cluster from its sources to its stored results: collect it, ask the
 * registries about its images, judge every workload and commit the cluster
 * (snapshot, verdicts, its services' merged rows) in one transaction. Holds
 * this cluster's objects only; other clusters are never read.
 */
export class ClusterPipeline {
  constructor(private readonly options: ClusterPipelineOptions) {}

  async collect(
    target: ClusterTarget,
    sources: ClusterSources,
    entities: EntityServiceMap,
    signal?: AbortSignal,
  ): Promise<ClusterOutcome> {
    const { store, logger } = this.options;
    const attemptedAt = this.options.now();
    const previous = await store.loadCluster(target.name);
    const collected = await sources.collectCluster(target, signal);
    const reachable = collected.reachable !== false;
    const errors = collected.errors ?? [];
    for (const error of errors) {
      logger.warn(
        `${target.name}: ${error.source} ${error.errorType}: ${error.message}`,
      );
    }
    const cluster = reachable
      ? keepObjectsOfFailedKinds(collected, previous)
      : undefined;
    // Unreachable: its last good snapshot is judged again (dates move on).
    const judged: Cluster = cluster ??
      (previous && { ...previous, errors }) ?? {
        name: target.name,
        nodePools: [],
        errors,
      };
    const references = imagesOf(judged);
    let imageErrors = 0;
    if (reachable && references.length > 0) {
      const records = await sources.describe(references, { signal });
      imageErrors = Object.values(records).filter(r => r.error).length;
      await store.saveImages(records, attemptedAt);
    }
    const changes = await this.commit(judged, entities, {
      cluster: cluster ?? { name: target.name, nodePools: [], errors },
      outcome: { ok: reachable, attemptedAt },
      collectedBy: this.options.instance,
    });
    logger.info(
      `Windows readiness collected ${target.name}${
        reachable ? '' : ' (unreachable: its last good data judged again)'
      }`,
      { cluster: target.name, instance: this.options.instance },
    );
    return { name: target.name, reachable, errors, imageErrors, changes };
  }

  /**
   * A cluster no source read this time (its listing failed): its stored
   * snapshot is marked stale with `errors` and judged again.
   */
  async reevaluateStale(
    name: string,
    errors: SourceError[],
    entities: EntityServiceMap,
  ): Promise<ClusterOutcome> {
    const previous = await this.options.store.loadCluster(name);
    const judged: Cluster = {
      ...(previous ?? { name, nodePools: [] }),
      errors,
    };
    const changes = await this.commit(judged, entities, {
      cluster: { name, nodePools: [], errors },
      outcome: { ok: false, attemptedAt: this.options.now() },
    });
    // The listing's errors: counted once by the run, not once a cluster.
    return { name, reachable: false, errors: [], imageErrors: 0, changes };
  }

  private async commit(
    cluster: Cluster,
    entities: EntityServiceMap,
    collection: NonNullable<
      Parameters<
        WindowsReadinessStore['saveClusterEvaluation']
      >[0]['collection']
    >,
  ): Promise<ServiceChange[]> {
    const { store } = this.options;
    const asOf = this.options.now();
    const images = await store.imageRecords(imagesOf(cluster));
    const evaluation = evaluateCluster(
      cluster,
      new ImageCatalog(images),
      createCheckContext({
        asOf,
        osSkus: this.options.osSkus,
        retirementWarningDays: this.options.retirementWarningDays,
      }),
      entities.serviceIdsOf,
    );
    return store.saveClusterEvaluation(
      {
        cluster: evaluation.cluster,
        facts: poolFacts(cluster),
        workloads: evaluation.workloads.map(workload => ({
          key: keyOf(workload.result),
          serviceIds: workload.serviceIds,
          result: workload.result,
          ...(workload.skuFit ? { skuFit: workload.skuFit } : {}),
          workload: workload.workload,
        })),
        asOf: asOf.toISOString(),
        collection,
      },
      asOf,
    );
  }
}

// What the pools' profiles read: the pools, and the Nodes and RuntimeClasses.
const POOL_KINDS = new Set(['Node', 'RuntimeClass']);

function poolFacts(cluster: Cluster): Cluster {
  const { objects, errors: _errors, ...rest } = cluster;
  return {
    ...rest,
    objects: (objects ?? []).filter(o => POOL_KINDS.has(o.kind ?? '')),
  };
}

function imagesOf(cluster: Cluster): string[] {
  return [
    ...new Set(extractWorkloads(cluster).flatMap(workload => workload.images)),
  ];
}
