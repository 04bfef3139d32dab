/** One kind the rules read, with where to list it cluster-wide or per namespace. */
export interface KindLister {
  kind: string;
  apiVersion: string;
  /** Label selectors narrow workloads only: nodes and RuntimeClasses are always read whole. */
  selectable: boolean;
  /** Only Warning events matter (FailedScheduling, Failed pulls, sandbox errors). */
  fieldSelector?: string;
  /** The collection's path, cluster-wide. */
  path: string;
  /** The collection's path in one namespace; absent for cluster-scoped kinds. */
  namespacedPath?(namespace: string): string;
}

function apiBase(apiVersion: string): string {
  return apiVersion.includes('/')
    ? `/apis/${apiVersion}`
    : `/api/${apiVersion}`;
}

function namespaced(
  kind: string,
  apiVersion: string,
  resource: string,
  extra: Partial<KindLister> = {},
): KindLister {
  const base = apiBase(apiVersion);
  return {
    kind,
    apiVersion,
    selectable: true,
    path: `${base}/${resource}`,
    namespacedPath: namespace =>
      `${base}/namespaces/${encodeURIComponent(namespace)}/${resource}`,
    ...extra,
  };
}

/** Nodes first: if they cannot be listed the cluster is down, not half-readable. */
export const KIND_LISTERS: readonly KindLister[] = [
  { kind: 'Node', apiVersion: 'v1', selectable: false, path: '/api/v1/nodes' },
  {
    kind: 'RuntimeClass',
    apiVersion: 'node.k8s.io/v1',
    selectable: false,
    path: '/apis/node.k8s.io/v1/runtimeclasses',
  },
  namespaced('Pod', 'v1', 'pods'),
  namespaced('Deployment', 'apps/v1', 'deployments'),
  namespaced('StatefulSet', 'apps/v1', 'statefulsets'),
  namespaced('DaemonSet', 'apps/v1', 'daemonsets'),
  namespaced('ReplicaSet', 'apps/v1', 'replicasets'),
  namespaced('Job', 'batch/v1', 'jobs'),
  namespaced('CronJob', 'batch/v1', 'cronjobs'),
  namespaced('Event', 'v1', 'events', {
    selectable: false,
    fieldSelector: 'type=Warning',
  }),
];
