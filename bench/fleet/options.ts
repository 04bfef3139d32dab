/** What to generate. Totals: clusters x poolsPerCluster pools, services x podsPerService pods. */
export interface GenerateFleetOptions {
  clusters: number;
  /** At least 1. Pool 0 is the Linux system pool, pool 1 a Linux user pool, the rest Windows. */
  poolsPerCluster: number;
  /** Services; each is a Deployment labelled `backstage.io/kubernetes-id`. */
  services: number;
  /** Pods per service, over all its clusters (default 10). */
  podsPerService?: number;
  /** PRNG seed: same seed and options, same fleet. */
  seed: number | string;
  /** `metadata.name` (default `bench-<seed>`). */
  name?: string;
  /** Share of services that run Windows images (default 0.45). */
  windowsShare?: number;
  /** Share of services deployed to a second cluster (default 0.1). */
  multiClusterShare?: number;
  /** Share of service images the registry has no answer for (default 0.03). */
  missingImageShare?: number;
  /** Nodes in every pool, instead of the drawn sizes (system 2-5, Linux user 3-20, Windows 1-8). */
  nodesPerPool?: number;
  /**
   * Distinct images the services' containers name, the shared sidecars and
   * agents included (default: one image per service, plus those). Services
   * beyond `distinctImages - SHARED_IMAGE_REFERENCES` run the image of an
   * earlier service (a shared build, a fork deployed twice). Exact when every
   * shared sidecar is used, as in any fleet of a few hundred services.
   */
  distinctImages?: number;
  /**
   * Workloads no catalog entity maps to (default 0): the platform team's
   * DaemonSets and Deployments (monitoring agents, log shippers, CSI
   * providers, ingress controllers, third-party charts) in namespaces such as
   * monitoring, logging, kube-system and ingress-nginx, without the
   * `backstage.io/kubernetes-id` label, with their pods. Spread round-robin
   * over the clusters and drawn after everything else, so that a fleet
   * without them is the same as before.
   */
  unownedWorkloads?: number;
}

/** The fleet `yarn bench:evaluate` measures: 100 clusters, 500 pools, 5,000 services, 50,000 pods. */
export const BENCH_FLEET_OPTIONS: Readonly<GenerateFleetOptions> = {
  clusters: 100,
  poolsPerCluster: 5,
  services: 5000,
  podsPerService: 10,
  seed: 20251127,
};

/**
 * The fleet `yarn bench:collect` serves from the simulator and collects: the
 * same 100 clusters, 500 pools, 5,000 services and 50,000 pods, with 10 nodes
 * a pool (5,000 nodes) and 2,000 distinct images.
 */
export const COLLECT_FLEET_OPTIONS: Readonly<GenerateFleetOptions> = {
  ...BENCH_FLEET_OPTIONS,
  nodesPerPool: 10,
  distinctImages: 2000,
};
