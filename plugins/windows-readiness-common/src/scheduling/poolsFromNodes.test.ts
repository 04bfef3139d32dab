import { poolsFromNodes } from './poolsFromNodes';

const node = (
  name: string,
  labels: Record<string, string>,
  extra: { taints?: object[]; kernelVersion?: string } = {},
) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  spec: { taints: extra.taints },
  status: { nodeInfo: { kernelVersion: extra.kernelVersion } },
});

describe('poolsFromNodes', () => {
  it('groups AKS nodes by pool and reads OS SKU, build and taints', () => {
    const pools = poolsFromNodes([
      node(
        'aksnpwin000000',
        {
          'kubernetes.io/os': 'windows',
          'kubernetes.azure.com/agentpool': 'npwin',
          'kubernetes.azure.com/os-sku': 'Windows2022',
          'kubernetes.azure.com/mode': 'user',
        },
        {
          taints: [{ key: 'os', value: 'windows', effect: 'NoSchedule' }],
          kernelVersion: '10.0.20348.2582',
        },
      ),
      node('aksnpwin000001', {
        'kubernetes.io/os': 'windows',
        'kubernetes.azure.com/agentpool': 'npwin',
      }),
      node('aks-system-1-vmss000000', {
        'kubernetes.io/os': 'linux',
        agentpool: 'system',
        'kubernetes.azure.com/mode': 'system',
      }),
      { kind: 'Pod', metadata: { name: 'ignored' } },
    ]);
    expect(pools).toEqual([
      {
        name: 'npwin',
        osType: 'Windows',
        osSku: 'Windows2022',
        mode: 'User',
        count: 2,
        vmSize: undefined,
        nodeImageVersion: undefined,
        kernelVersion: '10.0.20348.2582',
        taints: ['os=windows:NoSchedule'],
      },
      expect.objectContaining({
        name: 'system',
        osType: 'Linux',
        mode: 'System',
      }),
    ]);
  });

  it('groups nodes without an AKS pool label by OS and Windows build', () => {
    const pools = poolsFromNodes([
      node('win-a', {
        'kubernetes.io/os': 'windows',
        'node.kubernetes.io/windows-build': '10.0.17763',
      }),
      node('lin-a', { 'kubernetes.io/os': 'linux' }),
    ]);
    expect(pools.map(p => [p.name, p.osType])).toEqual([
      ['win10017763', 'Windows'],
      ['linux', 'Linux'],
    ]);
  });

  it('drops taints that are not taints', () => {
    const [pool] = poolsFromNodes([
      node(
        'n',
        { agentpool: 'p' },
        { taints: [{ key: 'a', effect: 'Bogus' }] },
      ),
    ]);
    expect(pool.taints).toEqual([]);
  });
});
