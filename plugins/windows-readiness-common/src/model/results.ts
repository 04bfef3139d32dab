/** What the evaluator returns: the JSON of `winready evaluate` and of the API. */
import type { ClusterAzureLocation } from './fleet';

export type CheckId =
  | 'image-os-build'
  | 'build-selector'
  | 'os-selector'
  | 'taint-toleration'
  | 'pod-status'
  | 'os-sku-lifecycle'
  | 'upgrade-path'
  | 'linux-isolation'
  | 'windows-pool-taint';

export type CheckResultValue = 'pass' | 'warn' | 'fail' | 'unknown' | 'skip';

export type ServiceStatus =
  | 'blocked'
  | 'at-risk'
  | 'unknown'
  | 'ready'
  | 'not-applicable';

/** Where a verdict comes from: enough for a person to see it with kubectl. */
export interface Evidence {
  cluster?: string;
  pool?: string;
  /** `Kind namespace/name` of the workload or pod. */
  object?: string;
  image?: string;
  /** Windows builds the image offers, e.g. `10.0.17134.1`. */
  imageBuilds?: string[];
  /** Windows build of the pool's nodes, e.g. `10.0.17763`. */
  poolBuild?: string;
  osSku?: string;
  taints?: string[];
  detail?: string;
}

export interface Remediation {
  summary: string;
  /** A snippet to paste: nodeSelector, tolerations, RuntimeClass or Dockerfile line. */
  snippet?: string;
  snippetLanguage?: 'yaml' | 'dockerfile' | 'shell';
}

export interface CheckResult {
  id: CheckId;
  result: CheckResultValue;
  message: string;
  evidence: Evidence[];
  remediation?: Remediation;
}

export interface WorkloadResult {
  cluster: string;
  serviceId: string;
  namespace: string;
  kind: string;
  name: string;
  involvesWindows: boolean;
  images: string[];
  /** Pool names by set: selected (node selection), eligible (and tolerated), compatible (and can start the images), runs on. */
  pools: {
    selected: string[];
    eligible: string[];
    compatible: string[];
    runsOn: string[];
  };
  status: ServiceStatus;
  checks: CheckResult[];
}

export interface ServiceResult {
  id: string;
  status: ServiceStatus;
  involvesWindows: boolean;
  clusters: string[];
  /** Per check id, the worst result over the service's workloads. */
  checks: CheckResult[];
  workloads: WorkloadResult[];
}

/** Per pool: workloads on it now (from pods), those that may land on it, those that select it but cannot. */
export interface PoolWorkloadCounts {
  /** Running pods on the pool's nodes. */
  on: number;
  /** Selected and tolerated: the scheduler may place them there. */
  eligible: number;
  /** Selected by node selection, but kept off by a taint or unable to start their images there. */
  blocked: number;
}

export interface PoolSummary {
  name: string;
  osType: string;
  osSku?: string;
  mode?: string;
  count?: number;
  nodeImageVersion?: string;
  windowsBuild?: string;
  windowsBuildName?: string;
  /** Where the build was read: kernelVersion, nodeImageVersion or the OS SKU table. */
  windowsBuildSource?: 'kernelVersion' | 'nodeImageVersion' | 'osSku';
  taints: string[];
  retirementDate?: string;
  imageDeletionDate?: string;
  successorOsSku?: string;
  services: string[];
  /** Workloads on the pool, eligible for it and kept off it (every workload of the cluster, owned or not). */
  workloads?: PoolWorkloadCounts;
}

export interface ClusterResult {
  name: string;
  kubernetesVersion?: string;
  /** Where ARM keeps the cluster; absent for clusters not found through ARM. */
  azure?: ClusterAzureLocation;
  collectedAt?: string;
  errors: Array<{
    source: string;
    errorType: string;
    statusCode?: number;
    resourcePath?: string;
    message: string;
  }>;
  pools: PoolSummary[];
  checks: CheckResult[];
}

export interface EvaluationResult {
  /** The "as of" instant the dates were counted from (ISO). */
  asOf: string;
  services: ServiceResult[];
  clusters: ClusterResult[];
}
