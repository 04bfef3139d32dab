import type { Cluster, KubernetesObject, PodSpec } from '../model';
import { Workload, extractWorkloads, imagesOf } from './workloads';
import { JUNK, OTHER, SHOP, WEB_IMAGES } from './__fixtures__/objects';

const cluster = (objects: KubernetesObject[]): Cluster => ({
  name: 'aks-prod',
  nodePools: [],
  objects,
});

const summary = (workload: Workload) => ({
  key: `${workload.kind}/${workload.namespace}/${workload.name}`,
  serviceId: workload.serviceId,
  pods: workload.pods.map(pod => pod.metadata?.name).sort(),
  events: workload.events.map(event => event.reason).sort(),
  images: workload.images,
});

describe('extractWorkloads', () => {
  const workloads = extractWorkloads(cluster([...SHOP, ...JUNK, ...OTHER]));
  const byKey = new Map(workloads.map(w => [summary(w).key, summary(w)]));

  it('finds exactly the root controllers and bare pods', () => {
    expect([...byKey.keys()].sort()).toEqual([
      'CronJob/shop/nightly',
      'DaemonSet/shop/agent',
      'Deployment/other/web',
      'Deployment/shop/order-api',
      'Deployment/shop/web',
      'Job/shop/migrate',
      'Pod/shop/debug',
      'Pod/shop/orphan-5d4f8c7b9-aaaaa',
      'ReplicaSet/shop/legacy',
      'StatefulSet/shop/db',
    ]);
    expect(workloads.every(w => w.cluster === 'aks-prod')).toBe(true);
  });

  it.each<[string, string, string | undefined, string[], string[], string[]]>([
    [
      'Deployment → ReplicaSet → Pod, and a pod whose ReplicaSet is missing',
      'Deployment/shop/web',
      'web-svc',
      ['web-5d4f8c7b9-abcde', 'web-7c9b6d5f4-fghij'],
      ['FailedScheduling', 'ScalingReplicaSet', 'SuccessfulCreate'],
      WEB_IMAGES,
    ],
    [
      'Deployment with a dash in its name, id on the pod template only',
      'Deployment/shop/order-api',
      'orders',
      ['order-api-6b7c8d9e0-xyz12'],
      [],
      ['myreg.azurecr.io/orders:3'],
    ],
    [
      'CronJob → Job → Pod, and a pod whose Job is gone',
      'CronJob/shop/nightly',
      'batch',
      ['nightly-28472910-k8z2p', 'nightly-28473000-q1w2e'],
      ['Completed', 'Failed'],
      ['myreg.azurecr.io/batch:1'],
    ],
    [
      'a Job without a CronJob',
      'Job/shop/migrate',
      undefined,
      ['migrate-p9q8r'],
      [],
      ['myreg.azurecr.io/migrate:1'],
    ],
    [
      'StatefulSet',
      'StatefulSet/shop/db',
      undefined,
      ['db-0'],
      ['Pulled'],
      ['mcr.microsoft.com/mssql/server:2022'],
    ],
    [
      'DaemonSet',
      'DaemonSet/shop/agent',
      undefined,
      ['agent-x7k2p'],
      [],
      ['mcr.microsoft.com/oss/agent:1'],
    ],
    [
      'a ReplicaSet without a Deployment',
      'ReplicaSet/shop/legacy',
      undefined,
      ['legacy-m4n5b'],
      [],
      ['legacy:1'],
    ],
    [
      'a bare Pod',
      'Pod/shop/debug',
      'toolbox',
      ['debug'],
      [],
      ['mcr.microsoft.com/windows/nanoserver:ltsc2022'],
    ],
    [
      'a pod whose owner is gone and names no Deployment',
      'Pod/shop/orphan-5d4f8c7b9-aaaaa',
      undefined,
      ['orphan-5d4f8c7b9-aaaaa'],
      [],
      ['orphan:1'],
    ],
    [
      'the same names in another namespace',
      'Deployment/other/web',
      'other-web',
      ['web-5d4f8c7b9-abcde'],
      ['BackOff'],
      ['other/web:2'],
    ],
  ])('%s', (_label, key, serviceId, pods, events, images) => {
    expect(byKey.get(key)).toEqual({ key, serviceId, pods, events, images });
  });

  it('keeps the pod template spec and merges object and template labels', () => {
    const web = workloads.find(
      w =>
        w.kind === 'Deployment' && w.namespace === 'shop' && w.name === 'web',
    );
    expect(web?.labels).toEqual({
      'backstage.io/kubernetes-id': 'web-svc',
      tier: 'front',
      app: 'web',
    });
    expect(web?.podSpec.nodeSelector).toEqual({
      'kubernetes.io/os': 'windows',
    });
    const nightly = workloads.find(w => w.kind === 'CronJob');
    expect(nightly?.podSpec.containers?.[0].image).toBe(
      'myreg.azurecr.io/batch:1',
    );
  });

  it('does not mix pods of the same name across namespaces', () => {
    const pods = workloads
      .filter(w => w.name === 'web')
      .map(w => [w.namespace, w.pods.map(p => p.metadata?.namespace)]);
    expect(pods).toEqual(
      expect.arrayContaining([
        ['shop', ['shop', 'shop']],
        ['other', ['other']],
      ]),
    );
  });

  it.each<[string, KubernetesObject[]]>([
    ['no objects', []],
    ['only junk', JUNK],
  ])('returns nothing for %s', (_label, objects) => {
    expect(() => extractWorkloads(cluster(objects))).not.toThrow();
    expect(extractWorkloads(cluster(objects))).toEqual([]);
  });

  it('returns nothing when objects are absent', () => {
    expect(extractWorkloads({ name: 'empty', nodePools: [] })).toEqual([]);
  });

  it('defaults a missing namespace to default', () => {
    const [workload] = extractWorkloads(
      cluster([
        {
          kind: 'Pod',
          metadata: { name: 'p' },
          spec: { containers: [{ image: 'a:1' }] },
        },
        {
          kind: 'Event',
          involvedObject: { kind: 'Pod', name: 'p' },
          reason: 'Pulled',
        },
      ]),
    );
    expect(workload).toMatchObject({
      namespace: 'default',
      kind: 'Pod',
      name: 'p',
    });
    expect(workload.events.map(e => e.reason)).toEqual(['Pulled']);
  });
});

describe('imagesOf', () => {
  it.each<[string, PodSpec | undefined, string[]]>([
    ['no spec', undefined, []],
    ['no containers', {}, []],
    ['one container', { containers: [{ image: 'a:1' }] }, ['a:1']],
    [
      'init containers first',
      { initContainers: [{ image: 'init:1' }], containers: [{ image: 'a:1' }] },
      ['init:1', 'a:1'],
    ],
    [
      'duplicates removed',
      {
        initContainers: [{ image: 'a:1' }],
        containers: [{ image: 'a:1' }, { image: 'b:1' }, { image: 'b:1' }],
      },
      ['a:1', 'b:1'],
    ],
    [
      'missing and empty images skipped',
      { containers: [{ name: 'x' }, { image: '' }, { image: 'a:1' }] },
      ['a:1'],
    ],
    [
      'non-string images skipped',
      { containers: [{ image: 42 as unknown as string }, { image: 'a:1' }] },
      ['a:1'],
    ],
    [
      'ephemeral containers ignored',
      {
        containers: [{ image: 'a:1' }],
        ephemeralContainers: [{ image: 'debug:1' }],
      },
      ['a:1'],
    ],
  ])('%s', (_label, spec, expected) => {
    expect(imagesOf(spec)).toEqual(expected);
  });
});
