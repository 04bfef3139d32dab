import { evaluateFleet } from '../evaluate/evaluateFleet';
import {
  createCheckContext,
  evaluateWorkload,
  type CheckContextOptions,
} from '../evaluate/evaluateWorkload';
import { ImageCatalog } from '../images/imageReference';
import type {
  Cluster,
  ImageRecord,
  KubernetesObject,
  ManifestCheckResult,
  ManifestWorkloadResult,
} from '../model';
import { emptyStatusCounts } from '../report/aggregateReport';
import { profilePool } from '../scheduling/poolProfile';
import { extractWorkloads, isWorkloadKind } from '../workloads/workloads';
import type { ManifestDocument } from './parseManifests';

export interface CheckManifestsOptions extends CheckContextOptions {
  /** What the registry says about the manifests' images; one missing is unknown. */
  images?: Record<string, ImageRecord>;
  /** Set when the cluster's data is from an earlier collection. */
  stale?: boolean;
}

/**
 * What the cluster itself holds that placement depends on (RuntimeClasses,
 * Nodes), without its workloads, pods and events: a manifest's workload is
 * judged as the cluster would run it, before any pod of it is observed.
 */
function placementObjects(
  cluster: Cluster,
  documents: readonly ManifestDocument[],
): KubernetesObject[] {
  const fromManifests = documents
    .map(document => document.object)
    .filter(object => object.kind === 'RuntimeClass');
  const fromCluster = (cluster.objects ?? []).filter(
    object =>
      object &&
      typeof object === 'object' &&
      !isWorkloadKind(object.kind) &&
      object.kind !== 'Event',
  );
  // Applied together, a manifest's RuntimeClass replaces the cluster's.
  return [...fromManifests, ...fromCluster];
}

/** A manifest document's workload, judged on its own (never folded into another). */
function workloadOf(document: ManifestDocument, cluster: Cluster) {
  if (!isWorkloadKind(document.object.kind)) return undefined;
  const [workload] = extractWorkloads({
    name: cluster.name,
    nodePools: cluster.nodePools,
    objects: [document.object],
  });
  return workload;
}

/** Every image the manifests' workloads run: what to ask the registry (or the store) about. */
export function manifestImages(
  documents: readonly ManifestDocument[],
): string[] {
  const none: Cluster = { name: '', nodePools: [] };
  return [
    ...new Set(
      documents.flatMap(document => workloadOf(document, none)?.images ?? []),
    ),
  ].sort();
}

/**
 * Judges the workloads of Kubernetes manifests against one cluster's pools
 * with the same rules as `evaluateFleet` (through `evaluateWorkload`). Each
 * document is judged on its own, so that two renderings of one Deployment
 * (two overlays) each get their verdict and location.
 */
export function checkManifests(
  documents: readonly ManifestDocument[],
  cluster: Cluster,
  options: CheckManifestsOptions = {},
): ManifestCheckResult {
  const context = createCheckContext(options);
  const objects = placementObjects(cluster, documents);
  const images = options.images ?? {};
  // The cluster's pools and its own check, as `evaluate` reports them.
  const [clusterResult] = evaluateFleet(
    {
      apiVersion: 'winready/v1',
      kind: 'Fleet',
      metadata: { name: 'check' },
      clusters: [{ ...cluster, objects }],
    },
    context,
  ).clusters;
  const pools = (cluster.nodePools ?? []).map(pool =>
    profilePool(cluster, pool, context.osSkus),
  );
  const catalog = new ImageCatalog(images);

  const summary = {
    documents: documents.length,
    workloads: 0,
    byStatus: emptyStatusCounts(),
  };
  const workloads: ManifestWorkloadResult[] = [];
  for (const document of documents) {
    const workload = workloadOf(document, cluster);
    if (!workload) continue;
    const { object: _object, ...location } = document;
    const { result } = evaluateWorkload(
      { ...workload, pods: [], events: [] },
      pools,
      objects,
      catalog,
      context,
    );
    workloads.push({
      ...location,
      ...(workload.serviceId ? { serviceId: workload.serviceId } : {}),
      ...result,
    });
    summary.workloads++;
    summary.byStatus[result.status]++;
  }
  return {
    asOf: context.asOf.toISOString(),
    cluster: {
      ...clusterResult,
      ...(options.stale !== undefined ? { stale: options.stale } : {}),
    },
    workloads,
    summary,
  };
}
