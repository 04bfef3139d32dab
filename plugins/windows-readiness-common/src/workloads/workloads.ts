import type {
  Cluster,
  EventObject,
  KubernetesObject,
  PodObject,
  PodSpec,
} from '../model';

/** The label that ties Kubernetes objects to a catalog entity (Kubernetes plugin). */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Pod',
]);

/** Kinds that run pods: each object of these kinds is, or belongs to, a workload. */
export function isWorkloadKind(kind: string | undefined): boolean {
  return WORKLOAD_KINDS.has(kind ?? '');
}

/** A top-level controller (or bare pod) with the pods and events that belong to it. */
export interface Workload {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  serviceId?: string;
  /** Labels of the object and of its pod template. */
  labels: Record<string, string>;
  podSpec: PodSpec;
  images: string[];
  pods: PodObject[];
  events: EventObject[];
}

function keyOf(kind: string | undefined, namespace: string, name?: string) {
  return `${kind}/${namespace}/${name}`;
}

function podTemplateOf(object: KubernetesObject) {
  if (object.kind === 'Pod') {
    return { metadata: object.metadata, spec: object.spec as PodSpec };
  }
  if (object.kind === 'CronJob')
    return object.spec?.jobTemplate?.spec?.template;
  return object.spec?.template;
}

export function imagesOf(spec: PodSpec | undefined): string[] {
  const containers = [
    ...(spec?.initContainers ?? []),
    ...(spec?.containers ?? []),
  ];
  const images = containers
    .map(container => container.image)
    .filter((image): image is string => typeof image === 'string' && !!image);
  return [...new Set(images)];
}

/**
 * Groups a cluster's objects into workloads. ReplicaSets owned by Deployments,
 * Jobs owned by CronJobs and controlled pods are folded into their root owner.
 */
export function extractWorkloads(cluster: Cluster): Workload[] {
  const objects = (cluster.objects ?? []).filter(
    object => object && typeof object === 'object',
  );
  const byKey = new Map<string, KubernetesObject>();
  for (const object of objects) {
    if (!WORKLOAD_KINDS.has(object.kind ?? '')) continue;
    const namespace = object.metadata?.namespace ?? 'default';
    byKey.set(keyOf(object.kind, namespace, object.metadata?.name), object);
  }

  // Without the ReplicaSet or Job object, its generated name still names the
  // controller: `<deployment>-<pod-template-hash>`, `<cronjob>-<schedule time>`.
  const generatorOf = (
    kind: string | undefined,
    namespace: string,
    name = '',
  ) => {
    const parentKind = { ReplicaSet: 'Deployment', Job: 'CronJob' }[kind ?? ''];
    const cut = name.lastIndexOf('-');
    return parentKind && cut > 0
      ? byKey.get(keyOf(parentKind, namespace, name.slice(0, cut)))
      : undefined;
  };

  const ownerOf = (object: KubernetesObject) => {
    const namespace = object.metadata?.namespace ?? 'default';
    for (const ref of object.metadata?.ownerReferences ?? []) {
      const owner =
        byKey.get(keyOf(ref.kind, namespace, ref.name)) ??
        generatorOf(ref.kind, namespace, ref.name);
      if (owner) return owner;
    }
    return undefined;
  };

  // Many pods share one ReplicaSet: remember each controller's root.
  const roots = new Map<KubernetesObject, KubernetesObject>();
  const rootOf = (object: KubernetesObject): KubernetesObject => {
    const owner = ownerOf(object);
    if (!owner) return object;
    let root = roots.get(owner);
    if (!root) {
      root = owner;
      for (let depth = 0; depth < 3; depth++) {
        const next = ownerOf(root);
        if (!next) break;
        root = next;
      }
      roots.set(owner, root);
    }
    return root;
  };

  const workloads = new Map<string, Workload>();
  const workloadOf = (root: KubernetesObject): Workload | undefined => {
    const namespace = root.metadata?.namespace ?? 'default';
    const key = keyOf(root.kind, namespace, root.metadata?.name);
    const existing = workloads.get(key);
    if (existing) return existing;
    const template = podTemplateOf(root);
    if (!template?.spec) return undefined;
    const labels = {
      ...(root.metadata?.labels ?? {}),
      ...(template.metadata?.labels ?? {}),
    };
    const workload: Workload = {
      cluster: cluster.name,
      namespace,
      kind: root.kind ?? 'Unknown',
      name: root.metadata?.name ?? '',
      serviceId:
        root.metadata?.labels?.[KUBERNETES_ID_LABEL] ??
        template.metadata?.labels?.[KUBERNETES_ID_LABEL],
      labels,
      podSpec: template.spec,
      images: imagesOf(template.spec),
      pods: [],
      events: [],
    };
    workloads.set(key, workload);
    return workload;
  };

  const ownerOfKey = new Map<string, Workload>();
  for (const [key, object] of byKey) {
    const workload = workloadOf(rootOf(object));
    if (workload) ownerOfKey.set(key, workload);
    if (workload && object.kind === 'Pod')
      workload.pods.push(object as PodObject);
  }

  for (const object of objects) {
    if (object.kind !== 'Event') continue;
    const event = object as EventObject;
    const involved = event.involvedObject;
    const namespace =
      involved?.namespace ?? event.metadata?.namespace ?? 'default';
    ownerOfKey
      .get(keyOf(involved?.kind, namespace, involved?.name))
      ?.events.push(event);
  }
  return [...workloads.values()];
}
