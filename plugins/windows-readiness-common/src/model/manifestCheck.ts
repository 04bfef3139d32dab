/**
 * The answer of a check before deploy (`winready check --format json` and
 * `POST /v1/preflight`): Kubernetes manifests judged against one cluster's pools.
 */
import type { ClusterResult, ServiceStatus, WorkloadResult } from './results';

/** Where a manifest's object is: the file, its document, and the line it starts on. */
export interface ManifestLocation {
  /** The path as the caller named it (relative to where the check ran). */
  file: string;
  /** 1-based position of the YAML document in the file (`---` separated). */
  document: number;
  /** 1-based line where the object starts (the document's or the List item's first line). */
  line: number;
  /** 0-based position in a `kind: List`'s items, for objects inside a List. */
  item?: number;
}

/** One workload of the manifests, judged as the cluster would run it, with no pods observed. */
export interface ManifestWorkloadResult
  extends Omit<WorkloadResult, 'serviceId'>,
    ManifestLocation {
  /** Its `backstage.io/kubernetes-id` label, when it has one. */
  serviceId?: string;
}

/** The cluster the manifests were judged against, as the data knows it. */
export interface ManifestCheckCluster extends ClusterResult {
  /** True when the latest collection failed and the pools are from `collectedAt`. */
  stale?: boolean;
}

export interface ManifestCheckSummary {
  /** Documents read (List items counted one by one), empty ones left out. */
  documents: number;
  /** Workloads judged: Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs, Pods. */
  workloads: number;
  byStatus: Record<ServiceStatus, number>;
}

export interface ManifestCheckResult {
  /** The "as of" instant the dates were counted from (ISO). */
  asOf: string;
  cluster: ManifestCheckCluster;
  /** In the order of the files and documents given. */
  workloads: ManifestWorkloadResult[];
  summary: ManifestCheckSummary;
}

/** `POST /v1/preflight` body. */
export interface PreflightRequest {
  cluster: string;
  manifests: Array<{ path?: string; content: string }>;
  /** Count dates from this day (YYYY-MM-DD) or instant (ISO); default now. */
  at?: string;
}
