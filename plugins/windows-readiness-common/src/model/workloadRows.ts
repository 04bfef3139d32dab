/** Workloads as the platform team lists them: the JSON of `GET /v1/workloads` and the CLI. */
import type { CheckId, ServiceStatus, WorkloadResult } from './results';

/** Where a workload's owner comes from. */
export type WorkloadOwnerSource = 'entity' | 'namespace';

/** One workload of one cluster (JSON items, CSV rows). */
export interface WorkloadRow {
  /** `Kind namespace/name`, unique within the cluster. */
  id: string;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  /** Catalog entities it belongs to; empty for a workload no entity maps to. */
  services: string[];
  /** The owning entity's owner, or the `windowsReadiness.namespaceOwners` match. */
  owner?: string;
  ownerSource?: WorkloadOwnerSource;
  status: ServiceStatus;
  involvesWindows: boolean;
  images: string[];
  pools: WorkloadResult['pools'];
  failing: CheckId[];
  warning: CheckId[];
  unknown: CheckId[];
  /** The first failing, warning or else unknown check: what to look at first. */
  summary?: string;
  evaluatedAt: string;
}
