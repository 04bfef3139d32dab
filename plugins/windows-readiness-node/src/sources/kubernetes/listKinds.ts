import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  NodeV1Api,
  type KubeConfig,
} from '@kubernetes/client-node';

/** Paging and filters of one list call. */
export interface ListParams {
  limit: number;
  _continue?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

interface ListPage {
  items: any[];
  metadata?: { _continue?: string; continue?: string };
}

/** One kind the rules read, with how to list it cluster-wide or per namespace. */
export interface KindLister {
  kind: string;
  apiVersion: string;
  /** Label selectors narrow workloads only: nodes and RuntimeClasses are always read whole. */
  selectable: boolean;
  /** Only Warning events matter (FailedScheduling, Failed pulls, sandbox errors). */
  fieldSelector?: string;
  all(params: ListParams): Promise<ListPage>;
  namespaced?(namespace: string, params: ListParams): Promise<ListPage>;
}

export function kindListers(kubeConfig: KubeConfig): KindLister[] {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const batch = kubeConfig.makeApiClient(BatchV1Api);
  const node = kubeConfig.makeApiClient(NodeV1Api);
  return [
    {
      kind: 'Node',
      apiVersion: 'v1',
      selectable: false,
      all: p => core.listNode(p),
    },
    {
      kind: 'RuntimeClass',
      apiVersion: 'node.k8s.io/v1',
      selectable: false,
      all: p => node.listRuntimeClass(p),
    },
    {
      kind: 'Pod',
      apiVersion: 'v1',
      selectable: true,
      all: p => core.listPodForAllNamespaces(p),
      namespaced: (namespace, p) => core.listNamespacedPod({ namespace, ...p }),
    },
    {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      selectable: true,
      all: p => apps.listDeploymentForAllNamespaces(p),
      namespaced: (namespace, p) =>
        apps.listNamespacedDeployment({ namespace, ...p }),
    },
    {
      kind: 'StatefulSet',
      apiVersion: 'apps/v1',
      selectable: true,
      all: p => apps.listStatefulSetForAllNamespaces(p),
      namespaced: (namespace, p) =>
        apps.listNamespacedStatefulSet({ namespace, ...p }),
    },
    {
      kind: 'DaemonSet',
      apiVersion: 'apps/v1',
      selectable: true,
      all: p => apps.listDaemonSetForAllNamespaces(p),
      namespaced: (namespace, p) =>
        apps.listNamespacedDaemonSet({ namespace, ...p }),
    },
    {
      kind: 'ReplicaSet',
      apiVersion: 'apps/v1',
      selectable: true,
      all: p => apps.listReplicaSetForAllNamespaces(p),
      namespaced: (namespace, p) =>
        apps.listNamespacedReplicaSet({ namespace, ...p }),
    },
    {
      kind: 'Job',
      apiVersion: 'batch/v1',
      selectable: true,
      all: p => batch.listJobForAllNamespaces(p),
      namespaced: (namespace, p) =>
        batch.listNamespacedJob({ namespace, ...p }),
    },
    {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      selectable: true,
      all: p => batch.listCronJobForAllNamespaces(p),
      namespaced: (namespace, p) =>
        batch.listNamespacedCronJob({ namespace, ...p }),
    },
    {
      kind: 'Event',
      apiVersion: 'v1',
      selectable: false,
      fieldSelector: 'type=Warning',
      all: p => core.listEventForAllNamespaces(p),
      namespaced: (namespace, p) =>
        core.listNamespacedEvent({ namespace, ...p }),
    },
  ];
}
