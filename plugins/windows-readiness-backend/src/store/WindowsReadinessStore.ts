import type { JsonValue } from '@backstage/types';
import type {
  Cluster,
  ClusterState,
  ClusterResult,
  Fit,
  Workload,
  WorkloadResult,
  ImageRecord,
  ServiceResult,
  ServiceStatus,
  StatusCounts,
} from '@winready/plugin-windows-readiness-common';

/** A cluster as stored: its last good snapshot and how the latest attempt went. */
export interface StoredCluster extends Cluster {
  /** When the last good collection happened (ISO); absent if none ever did. */
  collectedAt?: string;
  /** The latest attempt's errors. */
  errors: NonNullable<Cluster['errors']>;
  /** True when the latest attempt could not read the cluster: the data is older. */
  stale?: boolean;
  /** When the latest collection was attempted (ISO). */
  attemptedAt?: string;
}

/** One workload of a cluster as evaluated, ready to be stored. */
export interface WorkloadInput {
  /** `Kind/namespace/name` of its root controller or bare pod. */
  key: string;
  /** Services (entity refs) it belongs to; none for a workload no entity maps to. */
  serviceIds: string[];
  result: Omit<WorkloadResult, 'serviceId'>;
  skuFit?: Record<string, Fit>;
  workload: Workload;
}

/** One cluster's evaluation, and its collection when there is a new one. */
export interface ClusterEvaluationInput {
  cluster: ClusterResult;
  /** The cluster's pools, Nodes and RuntimeClasses (no workload objects): a what-if's starting point. */
  facts: Cluster;
  workloads: WorkloadInput[];
  /** The "as of" instant of the evaluation (ISO). */
  asOf: string;
  /** Absent when the stored snapshot was evaluated again (nothing new collected). */
  collection?: {
    cluster: Cluster;
    outcome: ClusterCollectionOutcome;
    /** The backend instance that collected it. */
    collectedBy?: string;
  };
}

/** How a service's status changed with a commit: no `after` when it is gone, no `before` when it is new. */
export interface ServiceChange {
  id: string;
  before?: ServiceStatus;
  after?: ServiceStatus;
}

/** A stored workload, as a what-if judges it again. */
export interface StoredWorkload {
  key: string;
  serviceIds: string[];
  result: Omit<WorkloadResult, 'serviceId'>;
  workload: Workload;
}

/** A stored verdict of a workload no catalog entity maps to. */
export interface StoredUnownedWorkload {
  result: Omit<WorkloadResult, 'serviceId'>;
  evaluatedAt: string;
}

/** Where a stored workload may run, with its services: what per-pool counts need. */
export interface StoredWorkloadPlacement {
  cluster: string;
  serviceIds: string[];
  pools: WorkloadResult['pools'];
}

export interface ClusterCollectionOutcome {
  /** False when the cluster could not be read: the previous snapshot is kept. */
  ok: boolean;
  attemptedAt: Date;
}

export interface StoredServiceResult {
  /** The id the row is stored under (see ServiceIdMapping); `result.id` is the evaluator's id. */
  id: string;
  status: ServiceStatus;
  clusters: string[];
  evaluatedAt: string;
  result: ServiceResult;
}

export interface StoredClusterResult {
  name: string;
  evaluatedAt: string;
  result: ClusterResult;
}

export interface ServiceResultQuery {
  ids?: readonly string[];
  status?: ServiceStatus | readonly ServiceStatus[];
  /** Services with a workload in this cluster. */
  cluster?: string;
  limit?: number;
  offset?: number;
}

export interface ServiceResultPage {
  items: StoredServiceResult[];
  /** How many match the filters, paging aside. */
  total: number;
}

/** `unowned`: workloads no catalog entity maps to, per cluster. */
export type HistoryDimension =
  | 'all'
  | 'owner'
  | 'cluster'
  | 'service'
  | 'unowned';

export interface HistoryRow {
  dimension: HistoryDimension;
  /** Owner entity ref, cluster name, service (entity ref), or `*` for dimension `all`. */
  key: string;
  counts: StatusCounts;
}

export interface HistoryEntry extends HistoryRow {
  /** YYYY-MM-DD */
  day: string;
}

/** One service's day: its status, its owner, and its status within each cluster it runs in. */
export interface ServiceDay {
  /** The id its result is stored under (an entity ref). */
  service: string;
  status: ServiceStatus;
  owner?: string;
  clusters: ReadonlyArray<{ name: string; status: ServiceStatus }>;
}

export interface HistoryQuery {
  dimension: HistoryDimension;
  /** All keys of the dimension when absent. */
  key?: string;
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  /** Inclusive, YYYY-MM-DD. */
  to?: string;
}

export interface MetaEntry {
  value: JsonValue;
  updatedAt: string;
}

/**
 * The windows-readiness plugin's persistent state: the latest snapshot of every
 * cluster (last good data is never lost), image records, the latest evaluation
 * and the daily history. Every timestamp it returns is an ISO string.
 * Bad input throws InputError before the database is touched.
 */
export interface WindowsReadinessStore {
  /**
   * ok: replaces the cluster's snapshot (collected now, not stale).
   * not ok: keeps the previous snapshot, marks it stale with the new errors;
   * with no previous snapshot, stores the given (empty) cluster as stale.
   */
  saveClusterCollection(
    cluster: Cluster,
    outcome: ClusterCollectionOutcome,
  ): Promise<void>;

  /** Upserts image records; a record with `error` never replaces a good one. */
  saveImages(records: Record<string, ImageRecord>, at: Date): Promise<void>;

  /** Deletes the image records of every reference not named (no stored workload uses it); returns how many. */
  removeImagesNotIn(references: readonly string[]): Promise<number>;

  /**
   * One cluster's latest snapshot (undefined when there is none) and the
   * records of the given image references, matched exactly or by canonical
   * reference: what a check before deploy reads, and nothing else.
   */
  loadClusterForCheck(
    name: string,
    imageReferences: readonly string[],
  ): Promise<{
    cluster?: StoredCluster;
    images: Record<string, ImageRecord>;
  }>;

  /** The collection state of the named clusters (all when absent); cheap: no snapshot is read. */
  listClusterStates(names?: readonly string[]): Promise<ClusterState[]>;

  /**
   * One cluster's collection and evaluation, all or nothing (docs: README,
   * "Scaling out"): its snapshot, its workloads' verdicts, its cluster result
   * and the merged rows of its services. Returns how those services changed.
   */
  saveClusterEvaluation(
    input: ClusterEvaluationInput,
    evaluatedAt?: Date,
  ): Promise<ServiceChange[]>;

  /** Forgets vanished clusters and everything of theirs; re-merges their services. */
  removeClusters(names: readonly string[]): Promise<ServiceChange[]>;

  /** The pools, Nodes and RuntimeClasses of a cluster as last evaluated. */
  clusterFacts(name: string): Promise<Cluster | undefined>;

  /** One stored cluster with its snapshot. */
  loadCluster(name: string): Promise<StoredCluster | undefined>;

  /** The stored records of these images (exactly or by canonical reference). */
  imageRecords(
    references: readonly string[],
  ): Promise<Record<string, ImageRecord>>;

  /** One cluster's stored workloads, row by row (`onRow` may wait). */
  forEachClusterWorkload(
    cluster: string,
    onRow: (workload: StoredWorkload) => void | Promise<void>,
  ): Promise<void>;

  /** Verdicts of the workloads no catalog entity maps to, by cluster, namespace, kind and name. */
  listUnownedWorkloads(): Promise<StoredUnownedWorkload[]>;

  /** Per cluster, the workloads no catalog entity maps to, by status (the day's `unowned` history). */
  unownedWorkloadCounts(): Promise<Map<string, StatusCounts>>;

  /** Every stored workload's pools and services (no checks, no workload JSON). */
  listWorkloadPlacements(): Promise<StoredWorkloadPlacement[]>;

  /** Verdicts of the named services' workloads in every cluster. */
  workloadResultsOfServices(
    ids: readonly string[],
  ): Promise<Map<string, WorkloadResult[]>>;

  /** Each service's status now, overall and per cluster (for the day's history). */
  serviceDays(): Promise<ServiceDay[]>;

  /** Per service with a Windows workload: its worst fit per Windows OS SKU. */
  serviceSkuFits(): Promise<Map<string, Record<string, Fit>>>;

  /** Every image reference a stored workload names. */
  imagesInUse(): Promise<string[]>;

  /** Changes whenever stored results change (the report's ETag). */
  resultsVersion(): Promise<number>;

  getServiceResult(id: string): Promise<StoredServiceResult | undefined>;

  /** Ordered by id. */
  listServiceResults(query?: ServiceResultQuery): Promise<ServiceResultPage>;

  /** Ordered by name. */
  listClusterResults(): Promise<StoredClusterResult[]>;

  /** When a cluster's results were last committed (ISO). */
  getLastEvaluatedAt(): Promise<string | undefined>;

  /** The "as of" instant of the stored evaluation (ISO). */
  getLastAsOf(): Promise<string | undefined>;

  /**
   * Writes the counts of one day over every service (dimensions all, owner
   * and cluster) and, when given, each service's day; one transaction. For
   * every dimension present in `rows`, the day's rows of that dimension are
   * replaced, and `services` replaces the day's per-service rows (re-running
   * a day overwrites it).
   */
  recordHistory(
    day: string,
    rows: readonly HistoryRow[],
    services?: readonly ServiceDay[],
  ): Promise<void>;

  /** Deletes the days before `today - olderThanDays`; returns how many rows. */
  pruneHistory(olderThanDays: number, today: string): Promise<number>;

  /**
   * Ordered by day, then key. With `readable`, every count is over those
   * services only (computed from the per-service days); days recorded before
   * owners and clusters were kept per service have no owner or cluster rows then.
   */
  getHistory(
    query: HistoryQuery,
    readable?: ReadonlySet<string>,
  ): Promise<HistoryEntry[]>;

  getMeta(key: string): Promise<MetaEntry | undefined>;

  setMeta(key: string, value: JsonValue, at?: Date): Promise<void>;

  /** Every meta entry whose key starts with `prefix`. */
  listMeta(prefix: string): Promise<Array<MetaEntry & { key: string }>>;

  deleteMeta(key: string): Promise<void>;
}
