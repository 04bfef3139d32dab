/**
 * The generator's working model of a cluster: the Fleet objects it is
 * building, plus what the scheduler model needs to know about each pool
 * (its node labels, blocking taint and Windows build), which the Fleet
 * format keeps only as strings.
 */
import type {
  Cluster,
  KubernetesObject,
  NodePool,
} from '@winready/plugin-windows-readiness-common';

export type TaintSpec = { key: string; value?: string; effect: string };
export type TolerationSpec = {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
};

/** A RuntimeClass's `scheduling`: merged into the pod's selector and tolerations. */
export interface RuntimeClassScheduling {
  nodeSelector: Record<string, string>;
  tolerations: TolerationSpec[];
}

export interface PoolModel {
  pool: NodePool;
  windows: boolean;
  build?: number;
  labels: Record<string, string>;
  taint?: TaintSpec;
  /** For Linux node names: `aks-<pool>-<vmssId>-vmss<6>`. */
  vmssId: string;
}

export interface ClusterModel {
  cluster: Cluster;
  minor: number;
  pools: PoolModel[];
  runtimeClasses: Map<string, RuntimeClassScheduling>;
  deployments: KubernetesObject[];
  /** Only workloads no catalog entity maps to are DaemonSets (see unowned.ts). */
  daemonSets: KubernetesObject[];
  replicaSets: KubernetesObject[];
  pods: KubernetesObject[];
  events: KubernetesObject[];
  /** The last pod IP handed out in the cluster (pods get consecutive IPs). */
  podIp: number;
}

/** The toleration for the usual Windows taint `os=windows:NoSchedule`. */
export function windowsToleration(): TolerationSpec {
  return {
    key: 'os',
    operator: 'Equal',
    value: 'windows',
    effect: 'NoSchedule',
  };
}

/** The node label for a Windows build, e.g. `10.0.20348`. */
export function windowsBuildLabel(build: number): string {
  return `10.0.${build}`;
}
