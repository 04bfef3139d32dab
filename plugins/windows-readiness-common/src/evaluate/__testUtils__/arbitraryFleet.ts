import fc from 'fast-check';
import type { Fleet } from '../../model';

/** Fleets of every shape the rules must survive: junk values included. */

const label = fc.constantFrom(
  'kubernetes.io/os',
  'beta.kubernetes.io/os',
  'node.kubernetes.io/windows-build',
  'kubernetes.azure.com/os-sku',
  'agentpool',
  'team',
);
const labelValue = fc.constantFrom(
  'windows',
  'linux',
  '10.0.17763',
  '10.0.20348',
  'Windows2022',
  'npwin',
  '3',
  '',
);
const images = fc.constantFrom(
  'img/a:1',
  'img/b:1',
  'img/c:1',
  'unknown/d:1',
  'nginx',
);
const uid = fc.constantFrom(undefined, 'uid-1', 'uid-2', 'uid-3');
const hostProcess = fc.record({
  windowsOptions: fc.record({ hostProcess: fc.boolean() }),
});
const nodeTaint = fc.record(
  {
    key: fc.constantFrom('os', 'sku', 'CriticalAddonsOnly'),
    value: fc.constantFrom('windows', 'win', 'true', ''),
    effect: fc.constantFrom('NoSchedule', 'NoExecute', 'PreferNoSchedule'),
  },
  { requiredKeys: ['key', 'effect'] },
);
const osVersion = fc.constantFrom(
  undefined,
  '10.0.17134.1',
  '10.0.17763.5458',
  '10.0.20348.2322',
  '10.0.26100.1',
  'junk',
);

const toleration = fc.record(
  {
    key: fc.constantFrom('os', 'sku', ''),
    operator: fc.constantFrom('Equal', 'Exists', 'Bogus'),
    value: fc.constantFrom('windows', 'win', ''),
    effect: fc.constantFrom('NoSchedule', 'NoExecute', 'PreferNoSchedule', ''),
  },
  { requiredKeys: [] },
);

const podSpec = fc.record(
  {
    nodeSelector: fc.dictionary(label, labelValue, { maxKeys: 2 }),
    tolerations: fc.array(toleration, { maxLength: 2 }),
    runtimeClassName: fc.constantFrom('windows', 'missing'),
    nodeName: fc.constantFrom('aksnpwin000000', 'aks-system-1-vmss000000', 'x'),
    affinity: fc.record({
      nodeAffinity: fc.record({
        requiredDuringSchedulingIgnoredDuringExecution: fc.record({
          nodeSelectorTerms: fc.array(
            fc.record({
              matchExpressions: fc.array(
                fc.record({
                  key: label,
                  operator: fc.constantFrom(
                    'In',
                    'NotIn',
                    'Exists',
                    'DoesNotExist',
                    'Gt',
                    'Lt',
                    'Nope',
                  ),
                  values: fc.array(labelValue, { maxLength: 2 }),
                }),
                { maxLength: 2 },
              ),
            }),
            { maxLength: 2 },
          ),
        }),
      }),
    }),
    securityContext: hostProcess,
    containers: fc.array(
      fc.record(
        {
          name: fc.constant('c'),
          image: images,
          securityContext: hostProcess,
        },
        { requiredKeys: ['name', 'image'] },
      ),
      {
        minLength: 1,
        maxLength: 2,
      },
    ),
  },
  { requiredKeys: ['containers'] },
);

const object = fc.oneof(
  fc.record({
    apiVersion: fc.constant('apps/v1'),
    kind: fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet'),
    metadata: fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      namespace: fc.constantFrom('ns1', 'ns2'),
      labels: fc.record({
        'backstage.io/kubernetes-id': fc.constantFrom('s1', 's2', 's3'),
      }),
    }),
    spec: fc.record({ template: fc.record({ spec: podSpec }) }),
  }),
  fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Pod'),
    metadata: fc.record({
      name: fc.constantFrom('a-1-x', 'b-2-y', 'p'),
      namespace: fc.constantFrom('ns1', 'ns2'),
      uid,
      labels: fc.record(
        { 'backstage.io/kubernetes-id': fc.constantFrom('s1', 's4') },
        { requiredKeys: [] },
      ),
      ownerReferences: fc.array(
        fc.record({
          kind: fc.constantFrom('ReplicaSet', 'Job', 'Deployment'),
          name: fc.constantFrom('a-1', 'b', 'a'),
        }),
        { maxLength: 1 },
      ),
    }),
    spec: podSpec,
    status: fc.anything(),
  }),
  fc.record({
    apiVersion: fc.constant('node.k8s.io/v1'),
    kind: fc.constant('RuntimeClass'),
    metadata: fc.record({ name: fc.constant('windows') }),
    handler: fc.constant('runhcs-wcow-process'),
    scheduling: fc.record({
      nodeSelector: fc.dictionary(label, labelValue, { maxKeys: 1 }),
      tolerations: fc.array(toleration, { maxLength: 1 }),
    }),
  }),
  fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Event'),
    metadata: fc.record({
      name: fc.constant('e'),
      namespace: fc.constantFrom('ns1', 'ns2'),
    }),
    involvedObject: fc.record(
      {
        kind: fc.constant('Pod'),
        name: fc.constantFrom('a-1-x', 'p'),
        uid,
      },
      { requiredKeys: ['kind', 'name'] },
    ),
    reason: fc.constantFrom(
      'FailedScheduling',
      'Failed',
      'FailedCreatePodSandBox',
    ),
    message: fc.constantFrom(
      '0/3 nodes are available: 1 node(s) had untolerated taint {os: windows}',
      '0/6 nodes are available: 1 node(s) had untolerated taint(s), 5 Insufficient memory.',
      'no match for platform in manifest',
      'hcs::CreateComputeSystem x: The container operating system does not match the host operating system.',
      'other',
    ),
    extra: fc.anything(),
  }),
  fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Node'),
    metadata: fc.record({
      name: fc.constantFrom(
        'aksnpwin000000',
        'aksnpw22000001',
        'aks-system-1-vmss000000',
      ),
      labels: fc.dictionary(label, labelValue, { maxKeys: 2 }),
    }),
    spec: fc.record({ taints: fc.array(nodeTaint, { maxLength: 2 }) }),
    status: fc.record({
      nodeInfo: fc.record({
        kernelVersion: fc.constantFrom(
          '10.0.17763.6532',
          '10.0.20348.4294',
          '5.15.0-1064-azure',
        ),
      }),
    }),
  }),
);

const pool = fc.record(
  {
    name: fc.constantFrom('system', 'npwin', 'npw22', 'np25'),
    osType: fc.constantFrom('Linux', 'Windows'),
    osSku: fc.constantFrom(
      'Windows2019',
      'Windows2022',
      'Windows2025',
      'WindowsAnnual',
      'Ubuntu',
      'Made-up',
    ),
    nodeImageVersion: fc.constantFrom(
      'AKSWindows-2022-containerd-20348.2582.240716',
      'AKSUbuntu-2204gen2containerd-202407.03.0',
      'junk',
    ),
    kernelVersion: fc.constantFrom('10.0.17763.1', '5.15.0-1064-azure', 'junk'),
    taints: fc.array(
      fc.constantFrom(
        'os=windows:NoSchedule',
        'sku=win:NoExecute',
        'a:PreferNoSchedule',
      ),
      { maxLength: 2 },
    ),
    labels: fc.dictionary(label, labelValue, { maxKeys: 1 }),
    mode: fc.constantFrom('System', 'User'),
  },
  // osType may be missing: ARM's default is Linux.
  { requiredKeys: ['name'] },
);

export const arbitraryFleet: fc.Arbitrary<Fleet> = fc
  .record({
    clusters: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom('c1', 'c2', 'c3'),
        kubernetesVersion: fc.constantFrom('1.24.9', '1.33.2', undefined),
        nodePools: fc.uniqueArray(pool, {
          selector: p => p.name,
          maxLength: 4,
        }),
        objects: fc.array(object, { maxLength: 6 }),
      }),
      { selector: c => c.name, maxLength: 3 },
    ),
    images: fc.dictionary(
      images,
      fc.record(
        {
          platforms: fc.array(
            fc.record(
              {
                os: fc.constantFrom('windows', 'linux', 'unknown'),
                architecture: fc.constantFrom('amd64', 'arm64'),
                osVersion,
              },
              { requiredKeys: ['os', 'architecture'] },
            ),
            { maxLength: 3 },
          ),
          // A registry that could not answer (live collection).
          error: fc.constantFrom('answered 401 Unauthorized', 'timed out'),
        },
        { requiredKeys: ['platforms'] },
      ),
    ),
  })
  .map(parts => ({
    apiVersion: 'winready/v1' as const,
    kind: 'Fleet' as const,
    metadata: { name: 'generated' },
    ...(parts as any),
  }));
