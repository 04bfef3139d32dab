import type {
  ClusterResult,
  EntityFacts,
  OsSkuOption,
  ReportRow,
  ReportSummary,
  ServiceResult,
  ServiceStatus,
  SourceError,
  TaintWhatIfResult,
  WhatIfResult,
  WorkloadRow,
} from '../model';

/** The HTTP API of the windows-readiness backend (`/api/windows-readiness`). */

/** How the latest collection of one cluster went. */
export interface ClusterState {
  name: string;
  /** When its data was last read successfully. */
  collectedAt?: string;
  attemptedAt?: string;
  /** The latest attempt failed: the data shown is from `collectedAt`. */
  stale: boolean;
  errors: SourceError[];
  /** The backend instance that read it last (replicas share the collection). */
  collectedBy?: string;
}

/** `GET /v1/entities/:namespace/:kind/:name` */
export interface EntityReadinessResponse {
  id: string;
  status: ServiceStatus;
  clusters: string[];
  evaluatedAt: string;
  result: ServiceResult;
  clusterStates: ClusterState[];
}

/** `GET /v1/facts`: the facts of every entity the caller may read, as of the stored evaluation. */
export interface FactsResponse {
  /** The instant the days are counted from (the stored evaluation's "as of"). */
  asOf?: string;
  evaluatedAt?: string;
  items: EntityFacts[];
}

/** `GET /v1/report` */
export interface ReportResponse {
  asOf?: string;
  evaluatedAt?: string;
  total: number;
  offset: number;
  items: ReportRow[];
  summary: ReportSummary;
}

/** `unowned`: workloads no catalog entity maps to, per cluster (cluster data). */
export type HistoryDimension =
  | 'all'
  | 'owner'
  | 'cluster'
  | 'service'
  | 'unowned';

/** `GET /v1/history` */
export interface HistoryResponse {
  items: Array<{
    day: string;
    dimension: HistoryDimension;
    key: string;
    counts: Record<ServiceStatus, number>;
  }>;
}

/** `GET /v1/clusters` */
export interface ClustersResponse {
  items: Array<
    ClusterResult & {
      evaluatedAt: string;
      stale: boolean;
      attemptedAt?: string;
    }
  >;
}

/** `GET /v1/os-skus?cluster=<name>` */
export interface OsSkusResponse {
  /** The cluster the `allowedOnCluster` verdicts are for. */
  cluster?: { name: string; kubernetesVersion?: string };
  evaluatedAt?: string;
  items: OsSkuOption[];
}

/** `POST /v1/what-if` with `osSku` */
export type WhatIfResponse = WhatIfResult;

/** `POST /v1/what-if` with `addTaint` or `removeTaint` */
export type TaintWhatIfResponse = TaintWhatIfResult;

/** `GET /v1/workloads` (workloads no catalog entity maps to): the query parameters, all optional. */
export interface WorkloadsQuery {
  cluster?: string;
  namespace?: string;
  owner?: string;
  /** Comma-separated statuses. */
  status?: string;
  /** Comma-separated check ids: workloads where one fails, warns or cannot tell. */
  check?: string;
  /** Text in the id, cluster, owner or an image, case-insensitively. */
  q?: string;
  offset?: number;
  limit?: number;
  format?: 'json' | 'csv';
}

/** `GET /v1/workloads` */
export interface WorkloadsResponse {
  evaluatedAt?: string;
  total: number;
  offset: number;
  items: WorkloadRow[];
  /** Per status, over the rows every filter but `status` keeps. */
  byStatus: Record<ServiceStatus, number>;
}

/** A refresh (or one shard's run) that finished. */
export interface CompletedRefresh {
  startedAt: string;
  finishedAt: string;
  clusters: number;
  /** Clusters that could not be read: their last good data stays. */
  unreachableClusters: string[];
  /** Clusters read but not stored: their last results stay. */
  failedClusters: string[];
  errors: number;
  /** Errors that hid whole sets of clusters (a subscription listing). */
  sourceErrors: SourceError[];
  /** Images whose registry could not answer. */
  imageErrors: number;
}

/** A refresh that threw, or whose process stopped without finishing it. */
export interface FailedRefresh {
  startedAt: string;
  failedAt: string;
  error: string;
}

export interface RunningRefresh {
  startedAt: string;
  heartbeatAt: string;
  /** The backend instance running it. */
  instance?: string;
}

/** `GET /v1/status` */
export interface StatusResponse {
  /** Every shard's latest run added up; `services` counts those the caller may read. */
  lastRefresh: (CompletedRefresh & { services: number }) | FailedRefresh | null;
  running: RunningRefresh | null;
  evaluatedAt: string | null;
  asOf: string | null;
  clusters: number;
  staleClusters: string[];
  /** Each shard's latest run, with the replica that ran it (no service count: it is over every service). */
  shards: Array<{
    /** 1-based. */
    shard: number;
    running: RunningRefresh | null;
    last: ((CompletedRefresh & { instance: string }) | FailedRefresh) | null;
  }>;
}

/** `POST /v1/refresh` (202) */
export interface RefreshResponse {
  status: 'triggered';
  /** Set when a lock left by a run that ended without releasing it was freed first. */
  note?: string;
}
