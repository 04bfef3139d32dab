import {
  SERVICE,
  SYSTEM,
  TOLERATE_OS,
  WIN22,
  WIN25,
  analysisOf,
  deployment,
  fleetOf,
  node,
  pod,
  AS_OF,
  type Scene,
} from '../__testUtils__/ruleFleet';
import { evaluateFleet } from '../evaluate/evaluateFleet';
import type { KubernetesObject, PodSpec } from '../model';
import { GOLANG_1_25, REAL_IMAGES } from './__fixtures__/images';

/**
 * docs/rules.md rule 6: a service runs on the pools of the nodes its pods are on
 * (AKS node names `aks<pool><6 digits>`, or the Node objects), or, for a
 * workload with no pods observed, its eligible compatible Windows pools.
 */

const OWNER = { kind: 'ReplicaSet', name: 'web-5d4f8c7b9' };
const spec = (tolerate = true): PodSpec => ({
  nodeSelector: { 'kubernetes.io/os': 'windows' },
  ...(tolerate ? { tolerations: TOLERATE_OS } : {}),
  containers: [{ name: 'app', image: GOLANG_1_25 }],
});
const onNode = (suffix: string, nodeName?: string) =>
  pod(`web-5d4f8c7b9-${suffix}`, OWNER, nodeName ? { nodeName } : {}, {
    phase: nodeName ? 'Running' : 'Pending',
  });
// A node AKS did not name: only its Node object tells its pool.
const CUSTOM_NODE = node('win-batch-node-7', 'npw25');

const scene = (objects: KubernetesObject[], tolerate = true): Scene => ({
  pools: [SYSTEM, WIN22, WIN25],
  objects: [deployment(spec(tolerate)), ...objects],
  images: REAL_IMAGES,
});

describe('rule 6: the pools a service runs on', () => {
  it.each<[string, Scene, string[]]>([
    [
      'its pods’ nodes, by AKS name',
      scene([onNode('a1b2c', 'aksnpw22000001')]),
      ['npw22'],
    ],
    [
      'a node named otherwise, by its Node object',
      scene([CUSTOM_NODE, onNode('a1b2c', 'win-batch-node-7')]),
      ['npw25'],
    ],
    [
      'pods on two pools',
      scene([
        onNode('a1b2c', 'aksnpw22000000'),
        onNode('d3e4f', 'aksnpw25000001'),
      ]),
      ['npw22', 'npw25'],
    ],
    [
      'no pods: its eligible compatible Windows pools',
      scene([]),
      ['npw22', 'npw25'],
    ],
    ['no pods and no toleration: none', scene([], false), []],
    [
      'only Pending pods: where it would go',
      scene([onNode('a1b2c')]),
      ['npw22', 'npw25'],
    ],
  ])('%s', (_label, input, pools) => {
    expect(analysisOf(input).runsOn.map(pool => pool.name)).toEqual(pools);
  });

  it('is the union over the service’s workloads', () => {
    const input = scene([onNode('a1b2c', 'aksnpw22000001')]);
    input.objects.push(
      deployment(
        {
          ...spec(),
          nodeSelector: { 'kubernetes.azure.com/os-sku': 'Windows2025' },
        },
        'worker',
      ),
    );
    const cluster = evaluateFleet(fleetOf(input), { asOf: AS_OF }).clusters[0];
    const servicesOf = (name: string) =>
      cluster.pools.find(p => p.name === name)!.services;
    expect(servicesOf('npw22')).toEqual([SERVICE]);
    expect(servicesOf('npw25')).toEqual([SERVICE]);
    expect(servicesOf('system')).toEqual([]);
  });
});
