/** One OS SKU a new Windows pool could run: `GET /v1/os-skus`, the scaffolder's OS SKU picker. */

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
