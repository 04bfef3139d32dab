import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  evaluateFleet,
  extractWorkloads,
  type Cluster,
  type Fleet,
  type OsSkuTable,
  type SourceError,
  type Workload,
} from '@winready/plugin-windows-readiness-common';
import {
  mayHideClusters,
  type SnapshotProgress,
} from '@winready/plugin-windows-readiness-node';
import type { EntityServiceMap } from '../catalog/EntityServiceMap';
import type { WindowsReadinessStore } from '../store';
import { historyOfDay } from './historyOfDay';
import { keepObjectsOfFailedKinds } from './lastGoodObjects';
import { RefreshRecord, type RefreshState } from './refreshRecord';

function imagesOf(clusters: readonly Cluster[]): string[] {
  const images = new Set<string>();
  for (const cluster of clusters) {
    for (const workload of extractWorkloads(cluster)) {
      workload.images.forEach(image => images.add(image));
    }
  }
  return [...images];
}

export interface RefreshOutcome {
  startedAt: string;
  finishedAt: string;
  clusters: number;
  /** Clusters that could not be read this time: their last good data stays. */
  unreachableClusters: string[];
  errors: number;
  /** Failures that hid whole sets of clusters (an ARM listing); they are not in any cluster's errors. */
  sourceErrors: SourceError[];
  /** Images the registries could not describe this time (their last good record is kept). */
  imageErrors: number;
  services: number;
}

export interface ReadinessRefresherOptions {
  store: WindowsReadinessStore;
  snapshots: {
    build(options?: {
      onProgress?: (progress: SnapshotProgress) => void;
      describeImagesOf?: (workload: Workload) => boolean;
    }): Promise<Fleet>;
  };
  /** The catalog entities with Kubernetes annotations, read with the plugin's own credentials. */
  entities: () => Promise<EntityServiceMap>;
  osSkus: OsSkuTable;
  retirementWarningDays: number;
  historyDays: number;
  logger: LoggerService;
  now?: () => Date;
}

/**
 * Collects every source, keeps each cluster's last good snapshot, evaluates
 * the stored fleet against the catalog and writes the day's history.
 */
export class ReadinessRefresher {
  private readonly now: () => Date;
  private readonly record: RefreshRecord<RefreshOutcome>;

  constructor(private readonly options: ReadinessRefresherOptions) {
    this.now = options.now ?? (() => new Date());
    this.record = new RefreshRecord({ store: options.store, now: this.now });
  }

  /** One refresh; its outcome, or its error, is what GET /v1/status shows. */
  async refresh(): Promise<RefreshOutcome> {
    const startedAt = this.now();
    return this.record.track(startedAt, () => this.collect(startedAt));
  }

  private async collect(startedAt: Date): Promise<RefreshOutcome> {
    const { store, logger } = this.options;
    // Images of every workload a catalog entity maps to, label selectors too.
    const entities = await this.options.entities();
    const fleet = await this.options.snapshots.build({
      describeImagesOf: workload => entities.serviceIdsOf(workload).length > 0,
      onProgress: progress =>
        logger.debug(
          `collect ${progress.phase} ${progress.done}/${progress.total}${
            progress.cluster ? ` ${progress.cluster}` : ''
          }`,
        ),
    });
    const previous = new Map(
      (await store.loadFleet()).clusters.map(c => [c.name, c]),
    );
    for (const cluster of fleet.clusters) {
      await store.saveClusterCollection(
        keepObjectsOfFailedKinds(cluster, previous.get(cluster.name)),
        { ok: cluster.reachable !== false, attemptedAt: startedAt },
      );
      for (const error of cluster.errors ?? []) {
        logger.warn(
          `${cluster.name}: ${error.source} ${error.errorType}: ${error.message}`,
        );
      }
    }
    for (const error of fleet.errors ?? []) {
      logger.warn(`${error.source} ${error.errorType}: ${error.message}`);
    }
    // Only a complete listing may forget clusters that vanished; after an
    // incomplete one, the clusters it did not find were not read: stale.
    // Errors about one named cluster (a duplicate) leave the listing complete.
    if (!(fleet.errors ?? []).some(mayHideClusters)) {
      await store.removeClustersNotIn(fleet.clusters.map(c => c.name));
    } else {
      const located = new Set(fleet.clusters.map(c => c.name));
      for (const name of previous.keys()) {
        if (located.has(name)) continue;
        await store.saveClusterCollection(
          { name, nodePools: [], errors: fleet.errors },
          { ok: false, attemptedAt: startedAt },
        );
      }
    }
    await store.saveImages(fleet.images ?? {}, startedAt);
    // Old tags would pile up. What is stored now came from this collection or
    // was kept from the previous one, so their images are all still in use.
    await store.removeImagesNotIn(
      imagesOf([...previous.values(), ...fleet.clusters]),
    );
    const services = await this.evaluate(entities);
    const outcome: RefreshOutcome = {
      startedAt: startedAt.toISOString(),
      finishedAt: this.now().toISOString(),
      clusters: fleet.clusters.length,
      unreachableClusters: fleet.clusters
        .filter(c => c.reachable === false)
        .map(c => c.name),
      errors:
        (fleet.errors?.length ?? 0) +
        fleet.clusters.reduce((n, c) => n + (c.errors?.length ?? 0), 0),
      sourceErrors: fleet.errors ?? [],
      imageErrors: Object.values(fleet.images ?? {}).filter(
        record => record.error !== undefined,
      ).length,
      services,
    };
    logger.info(
      `Windows readiness refreshed: ${outcome.clusters} clusters (${outcome.unreachableClusters.length} unreachable), ${services} services`,
    );
    return outcome;
  }

  /**
   * Judges the stored fleet again (new catalog entities, new day); returns
   * how many services. A refresh passes the entities it collected with.
   */
  async evaluate(given?: EntityServiceMap): Promise<number> {
    const { store } = this.options;
    const now = this.now();
    const entities = given ?? (await this.options.entities());
    const fleet = await store.loadFleet();
    const evaluation = evaluateFleet(fleet, {
      asOf: now,
      osSkus: this.options.osSkus,
      retirementWarningDays: this.options.retirementWarningDays,
      serviceIdsOf: entities.serviceIdsOf,
    });
    await store.replaceResults(evaluation, undefined, now);

    const day = now.toISOString().slice(0, 10);
    const history = historyOfDay(
      evaluation.services,
      entities.ownersByService(),
    );
    await store.recordHistory(day, history.rows, history.services);
    await store.pruneHistory(this.options.historyDays, day);
    return evaluation.services.length;
  }

  /** The refresh in progress, if any, and how the latest one ended. */
  state(): Promise<RefreshState<RefreshOutcome>> {
    return this.record.state();
  }
}
