import {
  AS_OF,
  LINUX,
  SYSTEM,
  checkOf,
  deployment,
  fleetOf,
  node,
  type Scene,
} from '../__testUtils__/ruleFleet';
import {
  GOLANG_1_25,
  NGINX,
  REAL_IMAGES,
} from '../analysis/__fixtures__/images';
import { evaluateFleet } from '../evaluate/evaluateFleet';
import type {
  CheckResultValue,
  KubernetesObject,
  NodePool,
  PodSpec,
} from '../model';

/**
 * docs/rules.md rule 7: linux-isolation warns when a Linux workload has no Linux
 * OS selection and is eligible for a Windows pool (untainted, or tainted with
 * a taint it tolerates, as a tolerate-all DaemonSet does).
 */

const WIN: NodePool = {
  name: 'win',
  osType: 'Windows',
  osSku: 'Windows2025',
  count: 1,
};
// `kubectl taint node akswin000000 sku=win:NoSchedule`: a node taint only.
const TAINTED_NODE = node('akswin000000', 'win', [
  { key: 'sku', value: 'win', effect: 'NoSchedule' },
]);

const scene = (
  spec: PodSpec,
  win: NodePool = WIN,
  objects: KubernetesObject[] = [],
): Scene => ({
  pools: [SYSTEM, LINUX, win],
  objects: [deployment(spec), ...objects],
  images: REAL_IMAGES,
});
const nginx = (extra: PodSpec = {}): PodSpec => ({
  containers: [{ name: 'web', image: NGINX }],
  ...extra,
});

describe('rule 7: a Linux workload that can land on a Windows pool', () => {
  it.each<[string, Scene, CheckResultValue]>([
    ['an untainted Windows pool', scene(nginx()), 'warn'],
    [
      'a Windows pool tainted in ARM',
      scene(nginx(), { ...WIN, taints: ['os=windows:NoSchedule'] }),
      'pass',
    ],
    [
      'a Windows pool tainted through its nodes',
      scene(nginx(), WIN, [TAINTED_NODE]),
      'pass',
    ],
    [
      'a tolerate-all DaemonSet',
      scene(nginx({ tolerations: [{ operator: 'Exists' }] }), WIN, [
        TAINTED_NODE,
      ]),
      'warn',
    ],
    [
      'a toleration for the Windows taint',
      scene(nginx({ tolerations: [{ key: 'sku', operator: 'Exists' }] }), WIN, [
        TAINTED_NODE,
      ]),
      'warn',
    ],
    [
      'only a PreferNoSchedule taint',
      scene(nginx(), { ...WIN, taints: ['os=windows:PreferNoSchedule'] }),
      'warn',
    ],
    [
      'a Linux OS selection',
      scene(nginx({ nodeSelector: { 'kubernetes.io/os': 'linux' } })),
      'pass',
    ],
    [
      'a Linux OS SKU selection',
      scene(
        nginx({ nodeSelector: { 'kubernetes.azure.com/os-sku': 'Ubuntu' } }),
      ),
      'pass',
    ],
    [
      'a multi-OS image: it involves Windows, not this check',
      scene({ containers: [{ name: 'go', image: GOLANG_1_25 }] }),
      'skip',
    ],
  ])('%s', (_label, input, expected) => {
    expect(checkOf(input, 'linux-isolation').result).toBe(expected);
  });

  it('counts the node taint in the cluster check too', () => {
    const [tainted, bare] = [
      scene(nginx(), WIN, [TAINTED_NODE]),
      scene(nginx()),
    ].map(
      input =>
        evaluateFleet(fleetOf(input), { asOf: AS_OF }).clusters[0].checks[0],
    );
    expect(tainted).toMatchObject({ id: 'windows-pool-taint', result: 'pass' });
    expect(bare).toMatchObject({ id: 'windows-pool-taint', result: 'warn' });
  });
});
