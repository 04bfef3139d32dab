import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import type { Knex } from 'knex';
import type {
  Cluster,
  ImageRecord,
} from '@winready/plugin-windows-readiness-common';
import * as evaluations from './clusterEvaluations';
import * as history from './history';
import * as meta from './meta';
import * as results from './results';
import * as snapshots from './snapshots';
import * as workloads from './workloadReads';
import type {
  ClusterCollectionOutcome,
  ClusterEvaluationInput,
  ServiceChange,
  StoredWorkload,
  HistoryEntry,
  HistoryQuery,
  HistoryRow,
  MetaEntry,
  ServiceDay,
  ServiceResultPage,
  ServiceResultQuery,
  StoredClusterResult,
  StoredServiceResult,
  WindowsReadinessStore,
} from './WindowsReadinessStore';

const migrationsDir = resolvePackagePath(
  '@winready/plugin-windows-readiness-backend',
  'migrations',
);

/** The knex implementation of WindowsReadinessStore (SQLite and PostgreSQL). */
export class DatabaseWindowsReadinessStore implements WindowsReadinessStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    now?: () => Date;
  }): Promise<DatabaseWindowsReadinessStore> {
    const { database, skipMigrations, now } = options;
    const client = await database.getClient();
    if (!skipMigrations && !database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseWindowsReadinessStore(client, now);
  }

  private constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  saveClusterCollection(
    cluster: Cluster,
    outcome: ClusterCollectionOutcome,
  ): Promise<void> {
    return snapshots.saveClusterCollection(this.db, cluster, outcome);
  }

  saveImages(records: Record<string, ImageRecord>, at: Date): Promise<void> {
    return snapshots.saveImages(this.db, records, at);
  }

  removeImagesNotIn(references: readonly string[]): Promise<number> {
    return snapshots.removeImagesNotIn(this.db, references);
  }

  listClusterStates(names?: readonly string[]) {
    return snapshots.listClusterStates(this.db, names);
  }

  loadClusterForCheck(name: string, imageReferences: readonly string[]) {
    return snapshots.loadClusterForCheck(this.db, name, imageReferences);
  }

  saveClusterEvaluation(
    input: ClusterEvaluationInput,
    evaluatedAt: Date = this.now(),
  ): Promise<ServiceChange[]> {
    return evaluations.saveClusterEvaluation(this.db, input, evaluatedAt);
  }

  removeClusters(names: readonly string[]): Promise<ServiceChange[]> {
    return evaluations.removeClusters(this.db, names, this.now());
  }

  clusterFacts(name: string) {
    return workloads.clusterFacts(this.db, name);
  }

  loadCluster(name: string) {
    return snapshots.loadCluster(this.db, name);
  }

  imageRecords(references: readonly string[]) {
    return snapshots.imageRecordsFor(this.db, references);
  }

  forEachClusterWorkload(
    cluster: string,
    onRow: (workload: StoredWorkload) => void | Promise<void>,
  ) {
    return workloads.forEachClusterWorkload(this.db, cluster, onRow);
  }

  listUnownedWorkloads() {
    return workloads.listUnownedWorkloads(this.db);
  }

  unownedWorkloadCounts() {
    return workloads.unownedWorkloadCounts(this.db);
  }

  listWorkloadPlacements() {
    return workloads.listWorkloadPlacements(this.db);
  }

  workloadResultsOfServices(ids: readonly string[]) {
    return workloads.workloadResultsOfServices(this.db, ids);
  }

  serviceDays() {
    return workloads.serviceDays(this.db);
  }

  serviceSkuFits() {
    return workloads.serviceSkuFits(this.db);
  }

  imagesInUse() {
    return workloads.imagesInUse(this.db);
  }

  resultsVersion() {
    return workloads.resultsVersion(this.db);
  }

  getServiceResult(id: string): Promise<StoredServiceResult | undefined> {
    return results.getServiceResult(this.db, id);
  }

  listServiceResults(query?: ServiceResultQuery): Promise<ServiceResultPage> {
    return results.listServiceResults(this.db, query);
  }

  listClusterResults(): Promise<StoredClusterResult[]> {
    return results.listClusterResults(this.db);
  }

  async getLastEvaluatedAt(): Promise<string | undefined> {
    const entry = await meta.getMeta(this.db, results.META_EVALUATED_AT);
    return typeof entry?.value === 'string' ? entry.value : undefined;
  }

  async getLastAsOf(): Promise<string | undefined> {
    const entry = await meta.getMeta(this.db, results.META_AS_OF);
    return typeof entry?.value === 'string' ? entry.value : undefined;
  }

  recordHistory(
    day: string,
    rows: readonly HistoryRow[],
    services?: readonly ServiceDay[],
  ): Promise<void> {
    return history.recordHistory(this.db, day, rows, services, this.now());
  }

  pruneHistory(olderThanDays: number, today: string): Promise<number> {
    return history.pruneHistory(this.db, olderThanDays, today);
  }

  getHistory(
    query: HistoryQuery,
    readable?: ReadonlySet<string>,
  ): Promise<HistoryEntry[]> {
    return history.getHistory(this.db, query, readable);
  }

  getMeta(key: string): Promise<MetaEntry | undefined> {
    return meta.getMeta(this.db, key);
  }

  setMeta(key: string, value: JsonValue, at: Date = this.now()): Promise<void> {
    return meta.setMeta(this.db, key, value, at);
  }

  listMeta(prefix: string) {
    return meta.listMeta(this.db, prefix);
  }

  deleteMeta(key: string) {
    return meta.deleteMeta(this.db, key);
  }
}
