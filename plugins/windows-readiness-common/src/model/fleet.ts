import type { KubernetesObject } from './kubernetes';

/** The fleet file format (examples/fleets/demo.yaml), also the shape of a collected snapshot. */

export type OsType = 'Linux' | 'Windows';

export interface NodePool {
  name: string;
  /** ARM's default when omitted is Linux. */
  osType: OsType;
  /** ARM osSKU: an extensible enum, unknown values are data, not errors. */
  osSku?: string;
  mode?: string;
  count?: number;
  vmSize?: string;
  nodeImageVersion?: string;
  kernelVersion?: string;
  /** `key=value:Effect` or `key:Effect`, as ARM `nodeTaints`. */
  taints?: string[];
  /** User labels; the labels AKS and the kubelet add are implied. */
  labels?: Record<string, string>;
  orchestratorVersion?: string;
}

export interface ClusterAzureLocation {
  subscriptionId?: string;
  resourceGroup?: string;
  location?: string;
}

/** An error collecting one source of one cluster, shaped like the Kubernetes plugin's. */
export interface SourceError {
  source: 'aks' | 'kubernetes' | 'registry' | string;
  errorType: string;
  statusCode?: number;
  resourcePath?: string;
  message: string;
}

export interface Cluster {
  name: string;
  kubernetesVersion?: string;
  azure?: ClusterAzureLocation;
  nodePools: NodePool[];
  objects?: KubernetesObject[];
  /** Set by live collection: when this cluster's data was read. */
  collectedAt?: string;
  /**
   * Set by live collection: false when the cluster's API could not be read at
   * all, so its objects are missing (not absent): keep the last good ones.
   */
  reachable?: boolean;
  errors?: SourceError[];
}

export interface ImageRecord {
  platforms: ImagePlatform[];
  /** Set by live collection when the registry could not answer. */
  error?: string;
}

export interface Fleet {
  apiVersion: 'winready/v1';
  kind: 'Fleet';
  metadata: { name: string };
  clusters: Cluster[];
  /** Registry answers keyed by image reference (tag or digest). */
  images?: Record<string, ImageRecord>;
  /** Set by live collection: when the snapshot was taken. */
  collectedAt?: string;
  /** Set by live collection: errors not tied to one cluster (a subscription that could not be listed). */
  errors?: SourceError[];
}

/** One platform of an image index (OCI `platform`). */
export interface ImagePlatform {
  os: string;
  architecture: string;
  /** `os.version`, e.g. `10.0.17763.5458`. */
  osVersion?: string;
  /** `os.features`, e.g. `['win32k']`. */
  osFeatures?: string[];
  variant?: string;
}
