import {
  buildOsSkuTable,
  profilePool,
  type Cluster,
  type NodePool,
} from '@winready/plugin-windows-readiness-common';
import { armLocationOf } from '../state';
import { hostInfo, nodeName, synthesizeNodes } from './nodes';

const osSkus = buildOsSkuTable();

const pool = (overrides: Partial<NodePool>): NodePool => ({
  name: 'npwin',
  osType: 'Windows',
  ...overrides,
});

describe('nodeName', () => {
  it.each([
    [pool({}), 0, 'aksnpwin000000'],
    [pool({}), 12, 'aksnpwin000012'],
    [
      pool({ name: 'system', osType: 'Linux' }),
      1,
      'aks-system-12345678-vmss000001',
    ],
  ])('%#: %s', (p, index, expected) => {
    expect(nodeName(p, index)).toBe(expected);
  });
});

describe('hostInfo', () => {
  it.each([
    [
      'the pool kernelVersion first',
      pool({
        kernelVersion: '10.0.17763.6532',
        nodeImageVersion: 'AKSWindows-2019-containerd-17763.1.241101',
      }),
      'Windows2019',
      17763,
      {
        kernelVersion: '10.0.17763.6532',
        osImage: 'Windows Server 2019 Datacenter',
      },
    ],
    [
      'the build and UBR of the node image version',
      pool({
        nodeImageVersion: 'AKSWindows-2022-containerd-20348.4294.251027',
      }),
      'Windows2022',
      20348,
      {
        kernelVersion: '10.0.20348.4294',
        osImage: 'Windows Server 2022 Datacenter',
      },
    ],
    [
      'Windows Server 2025',
      pool({ nodeImageVersion: 'AKSWindows-2025-gen2-26100.6905.251027' }),
      'Windows2025',
      26100,
      {
        kernelVersion: '10.0.26100.6905',
        osImage: 'Windows Server 2025 Datacenter',
      },
    ],
    [
      'the Annual channel product name',
      pool({ nodeImageVersion: 'AKSWindows-23H2-gen2-25398.1611.250518' }),
      'WindowsAnnual',
      25398,
      {
        kernelVersion: '10.0.25398.1611',
        osImage: 'Windows Server Datacenter',
      },
    ],
    [
      'nothing invented for an unknown SKU without image',
      pool({}),
      'WindowsNext',
      undefined,
      { kernelVersion: '', osImage: 'Windows Server Datacenter' },
    ],
    [
      'Ubuntu 22.04',
      pool({ osType: 'Linux' }),
      'Ubuntu',
      undefined,
      { kernelVersion: '5.15.0-1098-azure', osImage: 'Ubuntu 22.04.5 LTS' },
    ],
    [
      'Azure Linux 3',
      pool({ osType: 'Linux' }),
      'AzureLinux',
      undefined,
      {
        kernelVersion: '6.6.104.2-4.azl3',
        osImage: 'Microsoft Azure Linux 3.0',
      },
    ],
  ])('uses %s', (_what, p, osSku, build, expected) => {
    expect(hostInfo(p, osSku, build)).toEqual(expected);
  });
});

describe('synthesizeNodes', () => {
  const cluster: Cluster = {
    name: 'c1',
    kubernetesVersion: '1.33',
    azure: { location: 'northeurope' },
    nodePools: [
      { name: 'system', osType: 'Linux', count: 2, mode: 'System' },
      {
        name: 'npw22',
        osType: 'Windows',
        osSku: 'Windows2022',
        count: 1,
        vmSize: 'Standard_D8s_v5',
        nodeImageVersion: 'AKSWindows-2022-containerd-20348.4294.251027',
        taints: ['os=windows:NoSchedule', 'dedicated:NoExecute'],
        labels: { team: 'payments' },
      },
      { name: 'empty', osType: 'Linux', count: 0 },
    ],
  };
  const nodes = synthesizeNodes(cluster, armLocationOf(cluster), osSkus, '42');

  it('makes count nodes per pool', () => {
    expect(nodes.map(n => n.metadata?.name)).toEqual([
      'aks-system-12345678-vmss000000',
      'aks-system-12345678-vmss000001',
      'aksnpw22000000',
    ]);
  });

  it('labels nodes exactly as profilePool says, plus the hostname', () => {
    for (const node of nodes) {
      const p = cluster.nodePools.find(
        candidate => candidate.name === node.metadata?.labels?.agentpool,
      )!;
      expect(node.metadata?.labels).toEqual({
        ...profilePool(cluster, p, osSkus).labels,
        'kubernetes.io/hostname': node.metadata?.name,
      });
    }
    expect(nodes[2].metadata?.labels).toMatchObject({
      team: 'payments',
      'node.kubernetes.io/windows-build': '10.0.20348',
      'kubernetes.azure.com/os-sku': 'Windows2022',
    });
  });

  it('carries taints, node info and a Ready condition', () => {
    const windows = nodes[2];
    expect(windows.spec.taints).toEqual([
      { key: 'os', value: 'windows', effect: 'NoSchedule' },
      { key: 'dedicated', effect: 'NoExecute' },
    ]);
    expect(windows.status.nodeInfo).toMatchObject({
      operatingSystem: 'windows',
      kernelVersion: '10.0.20348.4294',
      kubeletVersion: 'v1.33.0',
      containerRuntimeVersion: 'containerd://1.7.20+azure',
    });
    expect(windows.status.capacity.cpu).toBe('8');
    expect(
      windows.status.conditions.find((c: any) => c.type === 'Ready').status,
    ).toBe('True');
    expect(nodes[0].spec.taints).toBeUndefined();
    expect(windows.metadata).toMatchObject({ resourceVersion: '42' });
  });

  it('is deterministic, and fleet Node objects replace synthesised ones', () => {
    const again = synthesizeNodes(
      cluster,
      armLocationOf(cluster),
      osSkus,
      '42',
    );
    expect(again).toEqual(nodes);
    const given = {
      kind: 'Node',
      metadata: { name: 'aksnpw22000000', labels: { custom: 'yes' } },
    };
    const merged = synthesizeNodes(
      cluster,
      armLocationOf(cluster),
      osSkus,
      '42',
      [given],
    );
    expect(merged).toHaveLength(3);
    expect(merged.filter(n => n.metadata?.name === 'aksnpw22000000')).toEqual([
      given,
    ]);
  });
});
