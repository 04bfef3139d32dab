import type {
  ClusterAzureLocation,
  ImageRecord,
  KubernetesObject,
  NodePool,
  SourceError,
} from '@winready/plugin-windows-readiness-common';

/** How to reach one cluster's Kubernetes API. */
export interface KubernetesConnection {
  server: string;
  /** Base64 PEM of the API server's CA. */
  caData?: string;
  token?: string;
  /** A whole kubeconfig (YAML), as listClusterUserCredential returns it. */
  kubeconfig?: string;
  /** The service account of the pod this backend runs in. */
  inCluster?: boolean;
  skipTLSVerify?: boolean;
}

/** A cluster to collect, as a locator found it. */
export interface ClusterTarget {
  name: string;
  /** Which locator found it: `aks`, `config`, `kubernetes-plugin`, … */
  source: string;
  kubernetesVersion?: string;
  azure?: ClusterAzureLocation;
  /** Node pools known when the cluster is located; see readPools. */
  nodePools?: NodePool[];
  /**
   * Reads the node pools when the cluster is collected (ARM: one call a
   * cluster, made only by whoever collects it). Without this and without
   * nodePools, the pools are read from the Node objects.
   */
  readPools?(signal?: AbortSignal): Promise<NodePool[]>;
  /** Set when the pools could not be read (the cluster is still collected). */
  errors?: SourceError[];
  /** Resolved only when the cluster is collected: it may cost a credential call. */
  connect(signal?: AbortSignal): Promise<KubernetesConnection>;
}

export interface LocatedClusters {
  clusters: ClusterTarget[];
  /** Failures that hide whole sets of clusters (a subscription that cannot be listed). */
  errors: SourceError[];
}

/** Finds clusters: ARM subscriptions, static config, the Kubernetes plugin's clusters. */
export interface ClusterLocator {
  readonly id: string;
  locate(signal?: AbortSignal): Promise<LocatedClusters>;
}

/** Reads the objects the rules need from one cluster's Kubernetes API. */
export interface KubernetesReader {
  /** Throws when the cluster cannot be reached; kinds that fail alone are in `errors`. */
  read(
    connection: KubernetesConnection,
    signal?: AbortSignal,
  ): Promise<{ objects: KubernetesObject[]; errors: SourceError[] }>;
}

/** Tells which platforms images offer. Never throws for registry problems. */
export interface ImageDescriber {
  describeAll(
    references: string[],
    options?: {
      signal?: AbortSignal;
      onProgress?(done: number, total: number): void;
    },
  ): Promise<Record<string, ImageRecord>>;
}
