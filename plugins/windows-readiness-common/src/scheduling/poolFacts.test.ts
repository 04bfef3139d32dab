import { buildOsSkuTable } from '../catalog/osSkus';
import type { Cluster, KubernetesObject, NodePool } from '../model';
import { formatWindowsVersion } from '../versions/windowsVersion';
import { profilePool } from './poolProfile';
import { formatTaint } from './taints';

/**
 * docs/rules.md rule 5: a pool's facts come from every source that has them.
 * Node objects are shaped as `kubectl get node -o json` returns them on AKS
 * (labels from AKS docs use-labels.md; spec.taints as the API holds them).
 */

const OS_SKUS = buildOsSkuTable();

/** A Windows node of pool `win`, as the seed's `akswin000000`. */
function winNode(
  index: number,
  extra: {
    taints?: Array<{ key: string; value?: string; effect: string }>;
    labels?: Record<string, string>;
    kernelVersion?: string;
  } = {},
): KubernetesObject {
  const name = `akswin00000${index}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/os': 'windows',
        'kubernetes.io/hostname': name,
        'kubernetes.azure.com/agentpool': 'win',
        agentpool: 'win',
        ...extra.labels,
      },
    },
    spec: {
      providerID: `azure:///subscriptions/0/resourceGroups/mc_rg_c_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/akswin/virtualMachines/${index}`,
      ...(extra.taints ? { taints: extra.taints } : {}),
    },
    status: {
      nodeInfo: {
        operatingSystem: 'windows',
        ...(extra.kernelVersion ? { kernelVersion: extra.kernelVersion } : {}),
      },
    },
  };
}

const WIN: NodePool = { name: 'win', osType: 'Windows', count: 2 };
const profile = (
  pool: NodePool,
  nodes: KubernetesObject[],
  kubernetesVersion = '1.31.5',
) => {
  const cluster: Cluster = {
    name: 'aks-batch',
    kubernetesVersion,
    nodePools: [pool],
    objects: nodes,
  };
  return profilePool(cluster, pool, OS_SKUS);
};

// `kubectl taint node akswin000000 sku=win:NoSchedule`.
const KUBECTL_TAINT = { key: 'sku', value: 'win', effect: 'NoSchedule' };
// What AKS's nodeInitializationTaints put on new nodes until removed.
const STARTUP_TAINT = {
  key: 'startup',
  value: 'pending',
  effect: 'NoSchedule',
};

describe('rule 5: taints from ARM and from the nodes', () => {
  it.each<[string, NodePool, KubernetesObject[], string[]]>([
    [
      'ARM nodeTaints only',
      { ...WIN, taints: ['os=windows:NoSchedule'] },
      [],
      ['os=windows:NoSchedule'],
    ],
    [
      'a node tainted with kubectl, nothing in ARM',
      WIN,
      [winNode(0, { taints: [KUBECTL_TAINT] }), winNode(1)],
      ['sku=win:NoSchedule'],
    ],
    [
      'the union, each taint once',
      { ...WIN, taints: ['sku=win:NoSchedule', 'os=windows:NoSchedule'] },
      [winNode(0, { taints: [KUBECTL_TAINT] })],
      ['sku=win:NoSchedule', 'os=windows:NoSchedule'],
    ],
    [
      'an initialization taint still on a node',
      WIN,
      [winNode(0, { taints: [STARTUP_TAINT] })],
      ['startup=pending:NoSchedule'],
    ],
    ['an initialization taint removed from the nodes', WIN, [winNode(0)], []],
    [
      'a junk taint on a node is left out',
      WIN,
      [winNode(0, { taints: [{ key: 'x', effect: 'Sometimes' }] })],
      [],
    ],
  ])('%s', (_label, pool, nodes, taints) => {
    expect(profile(pool, nodes).taints.map(formatTaint)).toEqual(taints);
  });
});

describe('rule 5: the OS SKU from ARM, the node label, the build, the version', () => {
  it.each<
    [
      string,
      NodePool,
      KubernetesObject[],
      string,
      string | undefined,
      string | undefined,
    ]
  >([
    [
      'ARM osSKU first',
      { ...WIN, osSku: 'Windows2022' },
      [
        winNode(0, {
          labels: { 'kubernetes.azure.com/os-sku': 'Windows2019' },
        }),
      ],
      '1.31',
      'Windows2022',
      'arm',
    ],
    [
      'the node label, not a guess from 1.31',
      WIN,
      [
        winNode(0, {
          labels: { 'kubernetes.azure.com/os-sku': 'Windows2019' },
          kernelVersion: '10.0.17763.6532',
        }),
      ],
      '1.31',
      'Windows2019',
      'nodeLabel',
    ],
    [
      'a 17763 host is Windows2019',
      WIN,
      [winNode(0, { kernelVersion: '10.0.17763.6532' })],
      '1.31',
      'Windows2019',
      'build',
    ],
    [
      'the node image names the build',
      { ...WIN, nodeImageVersion: 'AKSWindows-2025-gen2-26100.6905.251027' },
      [],
      '1.33',
      'Windows2025',
      'build',
    ],
    [
      'the kubelet windows-build label',
      WIN,
      [
        winNode(0, {
          labels: { 'node.kubernetes.io/windows-build': '10.0.25398' },
        }),
      ],
      '1.31',
      'WindowsAnnual',
      'build',
    ],
    [
      'a build no SKU has is not guessed',
      WIN,
      [winNode(0, { kernelVersion: '10.0.26200.1' })],
      '1.33',
      undefined,
      undefined,
    ],
    [
      'nothing known: AKS default for 1.24',
      WIN,
      [],
      '1.24.9',
      'Windows2019',
      'kubernetesDefault',
    ],
    [
      'nothing known: AKS default for 1.33',
      WIN,
      [],
      '1.33.2',
      'Windows2022',
      'kubernetesDefault',
    ],
    [
      'nothing known: AKS default for 1.37',
      WIN,
      [],
      '1.37.0',
      'Windows2025',
      'kubernetesDefault',
    ],
  ])('%s', (_label, pool, nodes, version, osSku, source) => {
    const result = profile(pool, nodes, version);
    expect(result.osSku).toBe(osSku);
    expect(result.osSkuSource).toBe(source);
  });

  it('takes the build of a labelled SKU from the table when no node reports one', () => {
    const result = profile(WIN, [
      winNode(0, { labels: { 'kubernetes.azure.com/os-sku': 'Windows2019' } }),
    ]);
    expect(formatWindowsVersion(result.hostBuild!)).toBe('10.0.17763');
    expect(result.hostBuildSource).toBe('osSku');
  });
});

describe('rule 5: labels and OS type', () => {
  it('joins node labels to the pool’s, without per-node ones', () => {
    const result = profile(WIN, [
      winNode(0, { labels: { team: 'batch' } }),
      winNode(1, { labels: { 'topology.kubernetes.io/zone': 'westeurope-2' } }),
    ]);
    expect(result.labels).toMatchObject({
      team: 'batch',
      'topology.kubernetes.io/zone': 'westeurope-2',
      'kubernetes.io/os': 'windows',
    });
    expect(result.labels['kubernetes.io/hostname']).toBeUndefined();
    expect(result.nodeNames).toEqual(['akswin000000', 'akswin000001']);
  });

  it('finds a node without pool labels by its AKS name', () => {
    const bare: KubernetesObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'akswin000003' },
      spec: { taints: [KUBECTL_TAINT] },
    };
    expect(profile(WIN, [bare]).taints.map(formatTaint)).toEqual([
      'sku=win:NoSchedule',
    ]);
  });

  it('reads a pool without osType as Linux (ARM’s default)', () => {
    const pool = { name: 'nodepool1' } as NodePool;
    const result = profile(pool, []);
    expect(result.osType).toBe('Linux');
    expect(result.labels['kubernetes.io/os']).toBe('linux');
    expect(result.osSku).toBeUndefined();
  });
});
