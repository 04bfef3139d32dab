import type {
  CheckId,
  ClusterResult,
  ServiceResult,
  ServiceStatus,
  SourceError,
} from '.';
import type { ReportSummary, ServiceFacts } from './report';
import type { WhatIfResult } from './whatIf';
import type { TaintWhatIfResult } from './taintWhatIf';
import type { WorkloadRow } from './workloadRows';

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

/** One service of the org-wide report (JSON items, CSV rows). */
export interface ReportRow {
  entityRef: string;
  title: string;
  owner?: string;
  system?: string;
  status: ServiceStatus;
  clusters: string[];
  failing: CheckId[];
  warning: CheckId[];
  /** Checks that could not tell (docs/rules.md rule 8), with `unknownReasons`. */
  unknown: CheckId[];
  /** Per unknown check: what could not be told and what would settle it. */
  unknownReasons: Partial<Record<CheckId, string>>;
  /** The first failing, warning or else unknown check: what to look at first. */
  summary?: string;
  evaluatedAt: string;
}

/** One entity's facts: what Tech Insights stores and notifications count from. */
export interface EntityFacts extends ServiceFacts {
  entityRef: string;
  /** The entity's owner in the catalog, when it has one. */
  owner?: string;
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

/** One OS SKU a new Windows pool could run, as the OS SKU picker shows it. */
export interface OsSkuOption {
  osSku: string;
  osType: 'Windows' | 'Linux';
  /** Host Windows build of the SKU's nodes, e.g. 20348. */
  build?: number;
  buildName?: string;
  baseImageTag?: string;
  retirementDate?: string;
  imageDeletionDate?: string;
  successor?: string;
  minKubernetesVersion?: string;
  maxKubernetesVersion?: string;
  /**
   * Whether AKS lets a pool of this SKU run the cluster's Kubernetes version;
   * absent without a cluster, or when the version cannot be read.
   */
  allowedOnCluster?: boolean;
  /** The organisation's Windows services (those the caller may read) against a pool of this SKU. */
  services: {
    /** Every Windows image of the service has a platform this build starts. */
    fit: number;
    /** Some Windows image has no platform for this build. */
    noFit: number;
    /** An image's platforms are unknown. */
    unknown: number;
    total: number;
  };
  /** Ids of the readable services that cannot run on this SKU, sorted. */
  notFitting: string[];
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

/** `GET /v1/status` */
export interface StatusResponse {
  lastRefresh: {
    startedAt: string;
    finishedAt: string;
    clusters: number;
    unreachableClusters: string[];
    errors: number;
    /** Errors that hid whole sets of clusters (a subscription listing). */
    sourceErrors?: SourceError[];
    /** Images whose registry could not answer. */
    imageErrors?: number;
    services: number;
  } | null;
  evaluatedAt: string | null;
  asOf: string | null;
  clusters: number;
  staleClusters: string[];
}
