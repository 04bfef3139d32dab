import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  CompletedRefresh,
  SourceError,
} from '@winready/plugin-windows-readiness-common';
import {
  mayHideClusters,
  type ClusterTarget,
} from '@winready/plugin-windows-readiness-node';
import type { EntityServiceMap } from '../catalog/EntityServiceMap';
import type { ServiceChange, WindowsReadinessStore } from '../store';
import { historyOfDay } from '../service/historyOfDay';
import type {
  ClusterOutcome,
  ClusterPipeline,
  ClusterSources,
} from './ClusterPipeline';
import type { Semaphore } from './Semaphore';
import { shardOf } from './shards';

/** What one shard's run did. */
/** One shard's run: what `GET /v1/status` adds up (CompletedRefresh, the wire type). */
export interface ShardOutcome extends CompletedRefresh {
  shard: number;
  /** The backend instance that ran it. */
  instance: string;
  services: number;
}

/** The sources of one run: where clusters are, and how to read one. */
export interface RunSources extends ClusterSources {
  locate(
    signal?: AbortSignal,
  ): Promise<{ targets: ClusterTarget[]; errors: SourceError[] }>;
}

export interface ShardRefresherOptions {
  store: WindowsReadinessStore;
  pipeline: ClusterPipeline;
  /** New sources for each run: the registry client keeps its answers for its lifetime. */
  sources: () => RunSources;
  /**
   * Runs `use` with the catalog entities with Kubernetes annotations, read
   * with the plugin's own credentials (shard runs at once may share a read).
   */
  withEntities: <T>(
    use: (entities: EntityServiceMap) => Promise<T>,
  ) => Promise<T>;
  shards: number;
  /** Clusters collected at once by this backend instance, over all its shards. */
  clusters: Semaphore;
  historyDays: number;
  logger: LoggerService;
  now: () => Date;
  instance: string;
  /** Told of every service whose status a run changed (notifications). */
  onServicesChanged?: (changes: ServiceChange[]) => Promise<void>;
}

/**
 * One shard of the clusters, collected by whichever replica the scheduler
 * gives its task to: every replica locates all clusters (cheap), each shard
 * collects, judges and stores the clusters whose name hashes to it, one at
 * a time per slot of this instance.
 */
export class ShardRefresher {
  constructor(private readonly options: ShardRefresherOptions) {}

  run(shard: number, signal?: AbortSignal): Promise<ShardOutcome> {
    const startedAt = this.options.now();
    return this.options.withEntities(entities =>
      this.runWith(shard, entities, startedAt, signal),
    );
  }

  private async runWith(
    shard: number,
    entities: EntityServiceMap,
    startedAt: Date,
    signal?: AbortSignal,
  ): Promise<ShardOutcome> {
    const { store, pipeline, logger, shards } = this.options;
    const sources = this.options.sources();
    const { targets, errors } = await sources.locate(signal);
    for (const error of errors) {
      logger.warn(`${error.source} ${error.errorType}: ${error.message}`);
    }
    const mine = targets.filter(t => shardOf(t.name, shards) === shard);
    const failedClusters: string[] = [];
    // One cluster that cannot be stored never stops the others.
    const collect = async (target: ClusterTarget) => {
      try {
        return await pipeline.collect(target, sources, entities, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
        logger.error(
          `Windows readiness: ${target.name} could not be judged or stored; its last results stay: ${error}`,
        );
        failedClusters.push(target.name);
        return undefined;
      }
    };
    const outcomes = (
      await Promise.all(
        mine.map(target => this.options.clusters.use(() => collect(target))),
      )
    ).filter((outcome): outcome is ClusterOutcome => !!outcome);

    // Only a complete listing may forget clusters that vanished; after an
    // incomplete one, the clusters it did not find were not read: stale.
    // Errors about one named cluster (a duplicate) leave the listing complete.
    const located = new Set(targets.map(t => t.name));
    const vanished = (await store.listClusterStates())
      .map(state => state.name)
      .filter(name => shardOf(name, shards) === shard && !located.has(name));
    const changes = outcomes.flatMap(outcome => outcome.changes);
    if (!errors.some(mayHideClusters)) {
      changes.push(...(await store.removeClusters(vanished)));
    } else {
      for (const name of vanished) {
        const outcome = await this.options.clusters.use(() =>
          pipeline.reevaluateStale(name, errors, entities),
        );
        changes.push(...outcome.changes);
        outcomes.push(outcome);
      }
    }

    await this.recordDay(entities, startedAt);
    // Old tags would pile up: keep the records of images a stored workload names.
    if (shard === 0) await store.removeImagesNotIn(await store.imagesInUse());
    if (changes.length > 0) await this.options.onServicesChanged?.(changes);

    const services = (await store.listServiceResults({ limit: 0 })).total;
    const outcome: ShardOutcome = {
      shard,
      startedAt: startedAt.toISOString(),
      finishedAt: this.options.now().toISOString(),
      instance: this.options.instance,
      clusters: mine.length,
      unreachableClusters: outcomes
        .filter(o => !o.reachable)
        .map(o => o.name)
        .sort(),
      failedClusters: failedClusters.sort(),
      errors:
        failedClusters.length +
        errors.length +
        outcomes.reduce((n, o) => n + o.errors.length, 0),
      sourceErrors: errors,
      imageErrors: outcomes.reduce((n, o) => n + o.imageErrors, 0),
      services,
    };
    logger.info(
      `Windows readiness shard ${shard + 1}/${shards}: ${
        outcome.clusters
      } clusters (${
        outcome.unreachableClusters.length
      } unreachable), ${services} services`,
    );
    return outcome;
  }

  /** The day's history from the services as stored now (any shard may be the last of the day). */
  private async recordDay(entities: EntityServiceMap, at: Date) {
    const { store, historyDays } = this.options;
    const day = at.toISOString().slice(0, 10);
    const history = historyOfDay(
      await store.serviceDays(),
      entities.ownersByService(),
      await store.unownedWorkloadCounts(),
    );
    await store.recordHistory(day, history.rows, history.services);
    await store.pruneHistory(historyDays, day);
  }
}
