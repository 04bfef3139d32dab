import {
  extractWorkloads,
  poolsFromNodes,
  type Cluster,
  type Fleet,
  type ImageRecord,
  type SourceError,
  type Workload,
} from '@winready/plugin-windows-readiness-common';
import type {
  ClusterLocator,
  ClusterTarget,
  ImageDescriber,
  KubernetesReader,
} from '../sources/types';
import { abortable } from './abortable';
import { mapConcurrent } from './mapConcurrent';
import { toSourceError } from './sourceError';
import { DUPLICATE_CLUSTER } from './clusterScopedErrors';

export interface SnapshotProgress {
  phase: 'locate' | 'clusters' | 'images';
  done: number;
  total: number;
  cluster?: string;
}

export interface SnapshotBuilderOptions {
  locators: ClusterLocator[];
  reader: KubernetesReader;
  images: ImageDescriber;
  /** Clusters collected at once. */
  concurrency?: number;
  /** Time one cluster may take before it is reported as timed out. */
  clusterTimeoutMs?: number;
  now?: () => Date;
}

/**
 * Collects every located cluster in parallel (bounded), then asks the
 * registries about every image the services use. A failing source is recorded
 * as an error of its cluster; it never stops the others.
 */
export class SnapshotBuilder {
  private readonly concurrency: number;
  private readonly clusterTimeoutMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: SnapshotBuilderOptions) {
    this.concurrency = options.concurrency ?? 8;
    this.clusterTimeoutMs = options.clusterTimeoutMs ?? 120_000;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Every cluster every locator finds (each name once), with the failures
   * that may hide some. Cheap: no cluster is read.
   */
  async locate(
    signal?: AbortSignal,
  ): Promise<{ targets: ClusterTarget[]; errors: SourceError[] }> {
    const errors: SourceError[] = [];
    const targets: ClusterTarget[] = [];
    for (const locator of this.options.locators) {
      try {
        const located = await locator.locate(signal);
        targets.push(...located.clusters);
        errors.push(...located.errors);
      } catch (error) {
        errors.push(toSourceError(locator.id, error));
      }
    }
    return { targets: dedupeByName(targets, errors), errors };
  }

  /** What the registries say about these images (never throws for a registry's problem). */
  describe(
    references: readonly string[],
    options: {
      signal?: AbortSignal;
      onProgress?(done: number, total: number): void;
    } = {},
  ): Promise<Record<string, ImageRecord>> {
    return this.options.images.describeAll([...references].sort(), options);
  }

  async build(
    options: {
      signal?: AbortSignal;
      onProgress?: (progress: SnapshotProgress) => void;
      /**
       * Whose images to ask the registries about: by default workloads with
       * a `backstage.io/kubernetes-id` label; the backend adds those its
       * catalog maps through label selectors.
       */
      describeImagesOf?: (workload: Workload) => boolean;
      /** Collect only the clusters of these names (the others are located, not read). */
      onlyClusters?: readonly string[];
      /** Image references to describe besides the workloads' (a manifest's, before deploy). */
      alsoDescribe?: readonly string[];
    } = {},
  ): Promise<Fleet> {
    const { signal, onProgress } = options;
    const describeImagesOf =
      options.describeImagesOf ??
      ((workload: Workload) => !!workload.serviceId);
    const { targets, errors } = await this.locate(signal);
    onProgress?.({
      phase: 'locate',
      done: targets.length,
      total: targets.length,
    });

    const only = options.onlyClusters && new Set(options.onlyClusters);
    const unique = targets.filter(target => !only || only.has(target.name));
    let done = 0;
    const clusters = await mapConcurrent(
      unique,
      this.concurrency,
      async target => {
        const cluster = await this.collectCluster(target, signal);
        onProgress?.({
          phase: 'clusters',
          done: ++done,
          total: unique.length,
          cluster: target.name,
        });
        return cluster;
      },
    );

    const references = [
      ...new Set([
        ...clusters.flatMap(cluster =>
          extractWorkloads(cluster)
            .filter(describeImagesOf)
            .flatMap(workload => workload.images),
        ),
        ...(options.alsoDescribe ?? []),
      ]),
    ];
    const images = await this.describe(references, {
      signal,
      onProgress: (imagesDone, total) =>
        onProgress?.({ phase: 'images', done: imagesDone, total }),
    });

    return {
      apiVersion: 'winready/v1',
      kind: 'Fleet',
      metadata: { name: 'live' },
      clusters,
      images,
      collectedAt: this.now().toISOString(),
      ...(errors.length > 0 ? { errors } : {}),
    };
  }

  /**
   * Reads one located cluster: its pools (when the locator reads them at
   * collection) and its objects. Never throws: what failed is in its errors,
   * and `reachable: false` when its API could not be read at all.
   */
  async collectCluster(
    target: ClusterTarget,
    signal?: AbortSignal,
  ): Promise<Cluster> {
    const errors = [...(target.errors ?? [])];
    const timeout = AbortSignal.timeout(this.clusterTimeoutMs);
    const clusterSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let nodePools = target.nodePools;
    if (!nodePools && target.readPools) {
      try {
        nodePools = await abortable(
          target.readPools(clusterSignal),
          clusterSignal,
        );
      } catch (error) {
        errors.push(
          toSourceError(target.source, error, `${target.name}/agentPools`),
        );
      }
    }
    let objects: Cluster['objects'] = [];
    let reachable = true;
    try {
      const connection = await abortable(
        target.connect(clusterSignal),
        clusterSignal,
      );
      const read = await abortable(
        this.options.reader.read(connection, clusterSignal),
        clusterSignal,
      );
      objects = read.objects;
      errors.push(...read.errors);
    } catch (error) {
      reachable = false;
      errors.push(
        toSourceError(
          'kubernetes',
          timeout.aborted
            ? Object.assign(
                new Error(
                  `collecting ${target.name} took longer than ${this.clusterTimeoutMs} ms`,
                ),
                { name: 'TimeoutError' },
              )
            : error,
        ),
      );
    }
    return {
      name: target.name,
      kubernetesVersion: target.kubernetesVersion,
      ...(target.azure ? { azure: target.azure } : {}),
      nodePools: nodePools ?? poolsFromNodes(objects),
      objects,
      collectedAt: this.now().toISOString(),
      reachable,
      errors,
    };
  }
}

// Two locators may find the same cluster (ARM and the Kubernetes plugin's config).
function dedupeByName(
  targets: ClusterTarget[],
  errors: SourceError[],
): ClusterTarget[] {
  const seen = new Map<string, ClusterTarget>();
  for (const target of targets) {
    const first = seen.get(target.name);
    if (first) {
      errors.push({
        source: target.source,
        errorType: DUPLICATE_CLUSTER,
        message: `cluster "${target.name}" was found by ${first.source} and by ${target.source}; the ${first.source} one is used`,
      });
      continue;
    }
    seen.set(target.name, target);
  }
  return [...seen.values()];
}
