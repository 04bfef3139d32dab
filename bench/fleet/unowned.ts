/**
 * Workloads no catalog entity maps to: what a platform team installs in
 * every cluster (monitoring agents, log shippers, CSI providers, ingress
 * controllers, operators), each as its chart ships it. Some select Linux,
 * some select Windows and tolerate its taint, and some select nothing: those
 * land on an untainted Windows pool too, where a Linux-only image fails to
 * pull. None carries the `backstage.io/kubernetes-id` label.
 */
import type {
  ImageRecord,
  KubernetesObject,
} from '@winready/plugin-windows-readiness-common';
import { linux, win, type ImagePlatform } from './imagePlatforms';
import { windowsToleration, type ClusterModel } from './model';
import { NAME_ALPHABET, poolNodeName } from './names';
import { addPods, runningPodStatus } from './pods';
import { podSpecFor } from './podSpecs';
import type { Rng } from './rng';
import { candidatePools, type SchedulingSpec } from './scheduling';
import type { ServicePlan } from './services';
import { EPOCH, iso } from './time';

/** One chart's workload, as its vendor ships it. */
interface PlatformWorkload {
  kind: 'DaemonSet' | 'Deployment';
  namespace: string;
  name: string;
  container: string;
  image: string;
  platforms: ImagePlatform[];
  scheduling: SchedulingSpec;
  /** Deployments: replicas, at least and at most. */
  replicas?: [number, number];
  weight: number;
}

const LINUX_ONLY = { nodeSelector: { 'kubernetes.io/os': 'linux' } };
const LINUX_MULTI_ARCH = [linux(), linux('arm64')];

/** DaemonSets weigh 25 of 100: most platform workloads are Deployments. */
const PLATFORM_WORKLOADS: readonly PlatformWorkload[] = [
  {
    kind: 'DaemonSet',
    namespace: 'monitoring',
    name: 'node-exporter',
    container: 'node-exporter',
    image: 'quay.io/prometheus/node-exporter:v1.8.2',
    platforms: LINUX_MULTI_ARCH,
    // Every Linux node, the tainted system pool included.
    scheduling: { ...LINUX_ONLY, tolerations: [{ operator: 'Exists' }] },
    weight: 6,
  },
  {
    kind: 'DaemonSet',
    namespace: 'monitoring',
    name: 'windows-exporter',
    container: 'windows-exporter',
    image: 'ghcr.io/prometheus-community/windows-exporter:0.29.2',
    platforms: [win()],
    scheduling: {
      nodeSelector: { 'kubernetes.io/os': 'windows' },
      tolerations: [{ operator: 'Exists' }],
      hostProcess: true,
    },
    weight: 4,
  },
  {
    // The chart selects no OS and tolerates nothing: a Windows taint is
    // all that keeps it off Windows nodes.
    kind: 'DaemonSet',
    namespace: 'logging',
    name: 'fluent-bit',
    container: 'fluent-bit',
    image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9',
    platforms: LINUX_MULTI_ARCH,
    scheduling: {},
    weight: 6,
  },
  {
    kind: 'DaemonSet',
    namespace: 'monitoring',
    name: 'datadog-agent',
    container: 'agent',
    image: 'gcr.io/datadoghq/agent:7.59.1',
    platforms: [
      linux(),
      linux('arm64'),
      win('10.0.17763.7314'),
      win('10.0.20348.4294'),
    ],
    scheduling: {},
    weight: 4,
  },
  {
    kind: 'DaemonSet',
    namespace: 'kube-system',
    name: 'csi-secrets-store-provider-azure',
    container: 'provider-azure-installer',
    image: 'mcr.microsoft.com/oss/azure/secrets-store/provider-azure:v1.6.0',
    platforms: [
      linux(),
      linux('arm64'),
      win('10.0.17763.7314'),
      win('10.0.20348.4294'),
    ],
    scheduling: LINUX_ONLY,
    weight: 3,
  },
  {
    kind: 'DaemonSet',
    namespace: 'kube-system',
    name: 'csi-secrets-store-provider-azure-windows',
    container: 'provider-azure-installer',
    image: 'mcr.microsoft.com/oss/azure/secrets-store/provider-azure:v1.6.0',
    platforms: [
      linux(),
      linux('arm64'),
      win('10.0.17763.7314'),
      win('10.0.20348.4294'),
    ],
    scheduling: {
      nodeSelector: { 'kubernetes.io/os': 'windows' },
      tolerations: [windowsToleration()],
    },
    weight: 2,
  },
  {
    kind: 'Deployment',
    namespace: 'ingress-nginx',
    name: 'ingress-nginx-controller',
    container: 'controller',
    image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3',
    platforms: LINUX_MULTI_ARCH,
    scheduling: LINUX_ONLY,
    replicas: [2, 3],
    weight: 10,
  },
  {
    // A third-party chart without an OS selector.
    kind: 'Deployment',
    namespace: 'kube-system',
    name: 'external-dns',
    container: 'external-dns',
    image: 'registry.k8s.io/external-dns/external-dns:v0.15.0',
    platforms: LINUX_MULTI_ARCH,
    scheduling: {},
    replicas: [1, 1],
    weight: 8,
  },
  {
    kind: 'Deployment',
    namespace: 'cert-manager',
    name: 'cert-manager',
    container: 'cert-manager-controller',
    image: 'quay.io/jetstack/cert-manager-controller:v1.16.1',
    platforms: LINUX_MULTI_ARCH,
    scheduling: LINUX_ONLY,
    replicas: [1, 2],
    weight: 8,
  },
  {
    kind: 'Deployment',
    namespace: 'cert-manager',
    name: 'cert-manager-webhook',
    container: 'cert-manager-webhook',
    image: 'quay.io/jetstack/cert-manager-webhook:v1.16.1',
    platforms: LINUX_MULTI_ARCH,
    scheduling: LINUX_ONLY,
    replicas: [1, 1],
    weight: 6,
  },
  {
    kind: 'Deployment',
    namespace: 'monitoring',
    name: 'kube-state-metrics',
    container: 'kube-state-metrics',
    image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0',
    platforms: LINUX_MULTI_ARCH,
    scheduling: {},
    replicas: [1, 1],
    weight: 8,
  },
  {
    kind: 'Deployment',
    namespace: 'monitoring',
    name: 'prometheus-operator',
    container: 'prometheus-operator',
    image: 'quay.io/prometheus-operator/prometheus-operator:v0.77.1',
    platforms: LINUX_MULTI_ARCH,
    scheduling: LINUX_ONLY,
    replicas: [1, 1],
    weight: 6,
  },
  {
    kind: 'Deployment',
    namespace: 'monitoring',
    name: 'grafana',
    container: 'grafana',
    image: 'docker.io/grafana/grafana:11.2.2',
    platforms: LINUX_MULTI_ARCH,
    scheduling: {},
    replicas: [1, 1],
    weight: 5,
  },
  {
    kind: 'Deployment',
    namespace: 'keda',
    name: 'keda-operator',
    container: 'keda-operator',
    image: 'ghcr.io/kedacore/keda:2.15.1',
    platforms: LINUX_MULTI_ARCH,
    scheduling: LINUX_ONLY,
    replicas: [1, 2],
    weight: 5,
  },
  {
    kind: 'Deployment',
    namespace: 'argocd',
    name: 'argocd-repo-server',
    container: 'repo-server',
    image: 'quay.io/argoproj/argocd:v2.12.6',
    platforms: LINUX_MULTI_ARCH,
    scheduling: {},
    replicas: [1, 2],
    weight: 5,
  },
  {
    kind: 'Deployment',
    namespace: 'gatekeeper-system',
    name: 'gatekeeper-controller-manager',
    container: 'manager',
    image: 'docker.io/openpolicyagent/gatekeeper:v3.17.1',
    platforms: LINUX_MULTI_ARCH,
    scheduling: LINUX_ONLY,
    replicas: [3, 3],
    weight: 4,
  },
  {
    kind: 'Deployment',
    namespace: 'velero',
    name: 'velero',
    container: 'velero',
    image: 'docker.io/velero/velero:v1.14.1',
    platforms: LINUX_MULTI_ARCH,
    scheduling: {},
    replicas: [1, 1],
    weight: 4,
  },
];

/** What `addPods` and `containerStatus` read of a plan, for a chart's image. */
function chartPlan(chart: PlatformWorkload, name: string): ServicePlan {
  return {
    id: name,
    team: chart.namespace,
    noun: chart.container,
    windows: !chart.platforms.some(p => p.os === 'linux'),
    image: chart.image,
    imagePlatforms: chart.platforms,
  };
}

const HELM_LABELS = (chart: PlatformWorkload, name: string) => ({
  'app.kubernetes.io/name': chart.name,
  'app.kubernetes.io/instance': name,
  'app.kubernetes.io/managed-by': 'Helm',
});

/**
 * Adds `count` workloads no catalog entity maps to, round-robin over the
 * clusters, with their pods and the registry's answers for their images.
 * A chart drawn twice for one cluster gets a numbered release name.
 */
export function addUnownedWorkloads(
  rng: Rng,
  models: ClusterModel[],
  count: number,
  images: Record<string, ImageRecord>,
): void {
  const taken = new Map<ClusterModel, Map<string, number>>();
  for (let u = 0; u < count; u++) {
    const model = models[u % models.length];
    const chart = rng.weighted(PLATFORM_WORKLOADS);
    const names = taken.get(model) ?? new Map<string, number>();
    taken.set(model, names);
    const key = `${chart.kind}/${chart.namespace}/${chart.name}`;
    const seen = (names.get(key) ?? 0) + 1;
    names.set(key, seen);
    const name = seen === 1 ? chart.name : `${chart.name}-${seen}`;
    images[chart.image] = { platforms: chart.platforms };
    if (chart.kind === 'DaemonSet') addDaemonSet(rng, model, chart, name);
    else addChartDeployment(rng, model, chart, name);
  }
}

function chartContainers(chart: PlatformWorkload) {
  return [
    {
      name: chart.container,
      image: chart.image,
      resources: { requests: { cpu: '100m', memory: '128Mi' } },
    },
  ];
}

/** A DaemonSet: one pod on every node of every pool it selects and tolerates. */
function addDaemonSet(
  rng: Rng,
  model: ClusterModel,
  chart: PlatformWorkload,
  name: string,
): void {
  const createdOffset = rng.int(3600, 400 * 86400);
  const containers = chartContainers(chart);
  const podSpec = podSpecFor(chart.scheduling, containers);
  const hash = rng.chars(10, NAME_ALPHABET);
  const podLabels = {
    'app.kubernetes.io/instance': name,
    'controller-revision-hash': hash,
    'pod-template-generation': '1',
  };
  const plan = chartPlan(chart, name);
  const { schedulable } = candidatePools(model, chart.scheduling);
  // As the API returns them (ObjectMeta types only what the rules read).
  const daemonSetOwner = [
    { apiVersion: 'apps/v1', kind: 'DaemonSet', name, controller: true },
  ];
  let pods = 0;
  let ready = 0;
  for (const pool of schedulable) {
    for (let node = 0; node < (pool.pool.count ?? 1); node++) {
      const podName = `${name}-${rng.chars(5, NAME_ALPHABET)}`;
      const started = iso(EPOCH, -rng.int(600, createdOffset));
      const scheduled = {
        name: podName,
        namespace: chart.namespace,
        started,
        noise: rng.next(),
      };
      const status = runningPodStatus(
        rng,
        model,
        plan,
        pool,
        scheduled,
        containers,
      );
      pods++;
      if (status.containerStatuses.every(c => c.ready)) ready++;
      model.pods.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: podName,
          namespace: chart.namespace,
          labels: podLabels,
          ownerReferences: daemonSetOwner,
          creationTimestamp: started,
        },
        spec: { ...podSpec, nodeName: poolNodeName(pool, node) },
        status,
      });
    }
  }
  const daemonSet: KubernetesObject = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name,
      namespace: chart.namespace,
      labels: HELM_LABELS(chart, name),
      creationTimestamp: iso(EPOCH, -createdOffset),
    },
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/instance': name } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/instance': name } },
        spec: podSpec,
      },
    },
    status: {
      desiredNumberScheduled: pods,
      currentNumberScheduled: pods,
      numberReady: ready,
    },
  };
  model.daemonSets.push(daemonSet);
}

/** A chart's Deployment, its ReplicaSet and pods, placed as a service's are. */
function addChartDeployment(
  rng: Rng,
  model: ClusterModel,
  chart: PlatformWorkload,
  name: string,
): void {
  const [least, most] = chart.replicas ?? [1, 1];
  const replicas = rng.int(least, most);
  const createdOffset = rng.int(3600, 400 * 86400);
  const containers = chartContainers(chart);
  const podSpec = podSpecFor(chart.scheduling, containers);
  const hash = rng.chars(10, NAME_ALPHABET);
  const appLabels = { 'app.kubernetes.io/instance': name };
  const template = () => ({ metadata: { labels: appLabels }, spec: podSpec });
  model.deployments.push({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: chart.namespace,
      labels: HELM_LABELS(chart, name),
      creationTimestamp: iso(EPOCH, -createdOffset),
    },
    spec: {
      replicas,
      selector: { matchLabels: appLabels },
      template: template(),
    },
    status: { replicas, observedGeneration: 1 },
  });
  const deploymentOwner = [
    { apiVersion: 'apps/v1', kind: 'Deployment', name, controller: true },
  ];
  model.replicaSets.push({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${name}-${hash}`,
      namespace: chart.namespace,
      labels: { ...appLabels, 'pod-template-hash': hash },
      ownerReferences: deploymentOwner,
    },
    spec: { replicas, template: template() },
  });
  addPods(rng, {
    plan: chartPlan(chart, name),
    model,
    scheduling: chart.scheduling,
    podSpec,
    containers,
    replicaSet: `${name}-${hash}`,
    hash,
    namespace: chart.namespace,
    appLabels,
    replicas,
    createdOffset,
  });
}
