export interface Config {
  /** Windows readiness for AKS: where to collect from. */
  windowsReadiness?: {
    /** Clusters collected at once. Default 8. */
    concurrency?: number;
    /** Time allowed to collect one cluster, in milliseconds. Default 120000. */
    clusterTimeoutMs?: number;
    /**
     * Corrections and additions to the built-in AKS OS SKU table (build,
     * successor, retirement and image-deletion dates, Kubernetes versions).
     */
    osSkus?: Array<{
      osSku: string;
      osType?: 'Windows' | 'Linux';
      build?: number;
      baseImageTag?: string;
      successor?: string;
      retirementDate?: string;
      imageDeletionDate?: string;
      minKubernetesVersion?: string;
      maxKubernetesVersion?: string;
      /** Where each figure comes from, by field name. */
      sources?: { [field: string]: string };
    }>;
    /** AKS clusters found through Azure Resource Manager. */
    azure?: {
      /** ARM endpoint; default https://management.azure.com. The AKS simulator sets its own. */
      armEndpoint?: string;
      /** Extra CA certificate (PEM file) to trust for ARM and the clusters it returns. */
      caFile?: string;
      credential?: {
        /**
         * default: DefaultAzureCredential; clientSecret; workloadIdentity;
         * static: a fixed token, for the AKS simulator and tests only.
         */
        type: 'default' | 'clientSecret' | 'workloadIdentity' | 'static';
        tenantId?: string;
        clientId?: string;
        /** @visibility secret */
        clientSecret?: string;
        /** @visibility secret */
        token?: string;
      };
      subscriptions: Array<{
        id: string;
        /** Only these resource groups; default all. */
        resourceGroups?: string[];
      }>;
      /**
       * How to reach each cluster's API server: the kubeconfig from
       * listClusterUserCredential, or an Entra token for the AKS server scope.
       */
      kubernetesAccess?: 'userCredentials' | 'entraToken';
    };
    /** What to read from each cluster's Kubernetes API. */
    kubernetes?: {
      /** Only these namespaces; default all. */
      namespaces?: string[];
      /** Only objects with these labels, e.g. `backstage.io/kubernetes-id`. */
      labelSelector?: string;
      /** Page size for list calls. Default 500. */
      pageSize?: number;
      /** Also collect the clusters configured for the Backstage Kubernetes plugin (locator type `config`). */
      useKubernetesPluginClusters?: boolean;
      /** Clusters that are not found through ARM. */
      clusters?: Array<{
        name: string;
        /** The API server; or give kubeconfigPath, or inCluster: true. */
        url?: string;
        /** A kubeconfig file; its current context is used. */
        kubeconfigPath?: string;
        /** The service account of the pod the backend runs in. */
        inCluster?: boolean;
        /** Base64 PEM of the API server's CA. */
        caData?: string;
        caFile?: string;
        /** @visibility secret */
        token?: string;
        skipTLSVerify?: boolean;
      }>;
    };
    /** Container registries asked for each image's platforms. */
    registries?: {
      /** Registry hosts that may be contacted (`*.azurecr.io` allowed); nothing else is. */
      allow: string[];
      /** Requests for `host` go to `endpoint` (containerd mirror convention, `?ns=host`). */
      mirrors?: Array<{ host: string; endpoint: string }>;
      /** Loopback registries reached over plain HTTP. */
      insecureHosts?: string[];
      caFile?: string;
      credentials?: Array<{
        host: string;
        /** basic (default) or acr: exchange the Azure credential's token. */
        type?: 'basic' | 'acr';
        username?: string;
        /** @visibility secret */
        password?: string;
      }>;
      concurrency?: number;
      timeoutMs?: number;
    };
  };
}
