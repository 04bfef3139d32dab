import type { KubernetesObject, PodSpec } from '../../model';

/**
 * One namespace (`shop`) with every controller chain, a second namespace
 * (`other`) that reuses its names, and junk that must not break anything.
 */
const ID = 'backstage.io/kubernetes-id';

const spec = (image: string, extra: PodSpec = {}): PodSpec => ({
  nodeSelector: { 'kubernetes.io/os': 'windows' },
  containers: [{ name: 'main', image }],
  ...extra,
});

const owner = (kind: string, name: string) => [
  { kind, name, uid: `${kind}-${name}` },
];

const pod = (
  name: string,
  namespace: string,
  owners: Array<{ kind: string; name: string }>,
  image: string,
  nodeName?: string,
): KubernetesObject => ({
  kind: 'Pod',
  metadata: { name, namespace, ownerReferences: owners },
  spec: { ...spec(image), nodeName },
  status: { phase: nodeName ? 'Running' : 'Pending' },
});

const event = (
  namespace: string,
  kind: string,
  name: string,
  reason: string,
): KubernetesObject => ({
  kind: 'Event',
  metadata: { name: `${name}.17f`, namespace },
  involvedObject: { kind, name, namespace },
  reason,
  message: `${reason} ${kind}/${name}`,
});

export const WEB_IMAGES = [
  'busybox:1.36',
  'myreg.azurecr.io/web:1',
  'myreg.azurecr.io/sidecar:2',
];

export const SHOP: KubernetesObject[] = [
  {
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      labels: { [ID]: 'web-svc', tier: 'front' },
    },
    spec: {
      template: {
        metadata: { labels: { app: 'web' } },
        spec: spec('myreg.azurecr.io/web:1', {
          initContainers: [
            { name: 'init', image: 'busybox:1.36' },
            { name: 'warm', image: 'myreg.azurecr.io/web:1' },
          ],
          containers: [
            { name: 'main', image: 'myreg.azurecr.io/web:1' },
            { name: 'sidecar', image: 'myreg.azurecr.io/sidecar:2' },
            { name: 'no-image' },
          ],
        }),
      },
    },
  },
  {
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-5d4f8c7b9',
      namespace: 'shop',
      ownerReferences: owner('Deployment', 'web'),
    },
    spec: { template: { spec: spec('myreg.azurecr.io/web:0') } },
  },
  pod(
    'web-5d4f8c7b9-abcde',
    'shop',
    owner('ReplicaSet', 'web-5d4f8c7b9'),
    'myreg.azurecr.io/web:1',
    'aksnpwin000000',
  ),
  // Its ReplicaSet was not collected: the generated name still names `web`.
  pod(
    'web-7c9b6d5f4-fghij',
    'shop',
    owner('ReplicaSet', 'web-7c9b6d5f4'),
    'myreg.azurecr.io/web:1',
  ),
  {
    kind: 'Deployment',
    metadata: { name: 'order-api', namespace: 'shop' },
    spec: {
      template: {
        metadata: { labels: { [ID]: 'orders', app: 'order-api' } },
        spec: spec('myreg.azurecr.io/orders:3'),
      },
    },
  },
  pod(
    'order-api-6b7c8d9e0-xyz12',
    'shop',
    owner('ReplicaSet', 'order-api-6b7c8d9e0'),
    'myreg.azurecr.io/orders:3',
  ),
  {
    kind: 'CronJob',
    metadata: { name: 'nightly', namespace: 'shop', labels: { [ID]: 'batch' } },
    spec: {
      schedule: '0 2 * * *',
      jobTemplate: {
        spec: { template: { spec: spec('myreg.azurecr.io/batch:1') } },
      },
    },
  },
  {
    kind: 'Job',
    metadata: {
      name: 'nightly-28472910',
      namespace: 'shop',
      ownerReferences: owner('CronJob', 'nightly'),
    },
    spec: { template: { spec: spec('myreg.azurecr.io/batch:1') } },
  },
  pod(
    'nightly-28472910-k8z2p',
    'shop',
    owner('Job', 'nightly-28472910'),
    'myreg.azurecr.io/batch:1',
  ),
  // Its Job was cleaned up already.
  pod(
    'nightly-28473000-q1w2e',
    'shop',
    owner('Job', 'nightly-28473000'),
    'myreg.azurecr.io/batch:1',
  ),
  {
    kind: 'Job',
    metadata: { name: 'migrate', namespace: 'shop' },
    spec: { template: { spec: spec('myreg.azurecr.io/migrate:1') } },
  },
  pod(
    'migrate-p9q8r',
    'shop',
    owner('Job', 'migrate'),
    'myreg.azurecr.io/migrate:1',
  ),
  {
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'shop' },
    spec: { template: { spec: spec('mcr.microsoft.com/mssql/server:2022') } },
  },
  pod(
    'db-0',
    'shop',
    owner('StatefulSet', 'db'),
    'mcr.microsoft.com/mssql/server:2022',
  ),
  {
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'shop' },
    spec: { template: { spec: spec('mcr.microsoft.com/oss/agent:1') } },
  },
  pod(
    'agent-x7k2p',
    'shop',
    owner('DaemonSet', 'agent'),
    'mcr.microsoft.com/oss/agent:1',
  ),
  {
    kind: 'ReplicaSet',
    metadata: { name: 'legacy', namespace: 'shop' },
    spec: { template: { spec: spec('legacy:1') } },
  },
  pod('legacy-m4n5b', 'shop', owner('ReplicaSet', 'legacy'), 'legacy:1'),
  {
    kind: 'Pod',
    metadata: { name: 'debug', namespace: 'shop', labels: { [ID]: 'toolbox' } },
    spec: spec('mcr.microsoft.com/windows/nanoserver:ltsc2022'),
  },
  // A pod whose owner is gone and has no Deployment of that name.
  pod(
    'orphan-5d4f8c7b9-aaaaa',
    'shop',
    owner('ReplicaSet', 'orphan-5d4f8c7b9'),
    'orphan:1',
  ),
  event('shop', 'Pod', 'web-5d4f8c7b9-abcde', 'FailedScheduling'),
  event('shop', 'ReplicaSet', 'web-5d4f8c7b9', 'SuccessfulCreate'),
  event('shop', 'Deployment', 'web', 'ScalingReplicaSet'),
  event('shop', 'Pod', 'nightly-28473000-q1w2e', 'Failed'),
  event('shop', 'Job', 'nightly-28472910', 'Completed'),
  event('shop', 'Node', 'aksnpwin000000', 'NodeReady'),
  event('shop', 'Pod', 'gone-pod', 'Killing'),
  // No involvedObject namespace: the event's own namespace counts.
  {
    kind: 'Event',
    metadata: { namespace: 'shop' },
    involvedObject: { kind: 'Pod', name: 'db-0' },
    reason: 'Pulled',
  },
];

export const OTHER: KubernetesObject[] = [
  {
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'other',
      labels: { [ID]: 'other-web' },
    },
    spec: { template: { spec: spec('other/web:2') } },
  },
  {
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-5d4f8c7b9',
      namespace: 'other',
      ownerReferences: owner('Deployment', 'web'),
    },
    spec: { template: { spec: spec('other/web:2') } },
  },
  pod(
    'web-5d4f8c7b9-abcde',
    'other',
    owner('ReplicaSet', 'web-5d4f8c7b9'),
    'other/web:2',
  ),
  event('other', 'Pod', 'web-5d4f8c7b9-abcde', 'BackOff'),
];

export const JUNK = [
  null,
  undefined,
  'Deployment',
  42,
  [],
  {},
  { kind: 'Deployment' },
  { kind: 'Pod', metadata: null },
  { kind: 'Pod', metadata: { name: 'no-spec', namespace: 'shop' } },
  { kind: 'Event' },
  { kind: 'Event', involvedObject: null },
  { kind: 'ConfigMap', metadata: { name: 'web', namespace: 'shop' } },
] as unknown as KubernetesObject[];
