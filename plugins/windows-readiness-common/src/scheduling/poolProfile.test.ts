import { buildOsSkuTable } from '../catalog/osSkus';
import type { Cluster, KubernetesObject, NodePool } from '../model';
import { formatWindowsVersion } from '../versions/windowsVersion';
import {
  effectiveOsSku,
  nodesOfPool,
  poolOfNodeName,
  profilePool,
} from './poolProfile';
import {
  LINUX_NODE,
  NODES,
  WINDOWS_NODE_0,
  WINDOWS_NODE_1,
} from './__fixtures__/aksNodes';
import {
  DEFAULT_OS_SKU_CASES,
  HOST_BUILD_CASES,
  LINUX_POOL,
  WINDOWS_POOL,
} from './__fixtures__/pools';

const OS_SKUS = buildOsSkuTable();

const cluster = (pools: NodePool[], extra: Partial<Cluster> = {}): Cluster => ({
  name: 'aks-prod',
  kubernetesVersion: '1.29.7',
  azure: { location: 'westeurope' },
  nodePools: pools,
  ...extra,
});

const profile = (pool: NodePool, extra: Partial<Cluster> = {}) =>
  profilePool(cluster([pool], extra), pool, OS_SKUS);

describe('profilePool labels', () => {
  // Facts 4.3: kubelet and AKS labels of a Windows node.
  it('implies the kubelet and AKS labels of a Windows pool', () => {
    expect(profile(WINDOWS_POOL).labels).toEqual({
      'kubernetes.io/os': 'windows',
      'beta.kubernetes.io/os': 'windows',
      'kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/arch': 'amd64',
      'node.kubernetes.io/windows-build': '10.0.20348',
      'node.kubernetes.io/instance-type': 'Standard_D4s_v5',
      'kubernetes.azure.com/os-sku': 'Windows2022',
      'kubernetes.azure.com/node-image-version':
        'AKSWindows-2022-containerd-20348.2582.240716',
      'kubernetes.azure.com/agentpool': 'npwin',
      agentpool: 'npwin',
      'kubernetes.azure.com/mode': 'user',
      'kubernetes.azure.com/role': 'agent',
      'kubernetes.azure.com/cluster': expect.any(String),
      'topology.kubernetes.io/region': 'westeurope',
    });
  });

  it('implies Linux labels without windows-build or an OS SKU', () => {
    const { labels } = profile(LINUX_POOL, { azure: undefined });
    expect(labels).toEqual({
      'kubernetes.io/os': 'linux',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'arm64',
      'beta.kubernetes.io/arch': 'arm64',
      'node.kubernetes.io/instance-type': 'Standard_D4ps_v5',
      'kubernetes.azure.com/node-image-version':
        'AKSUbuntu-2204gen2containerd-202407.03.0',
      'kubernetes.azure.com/agentpool': 'nodepool1',
      agentpool: 'nodepool1',
      'kubernetes.azure.com/mode': 'system',
      'kubernetes.azure.com/role': 'agent',
      'kubernetes.azure.com/cluster': expect.any(String),
    });
  });

  it.each([
    ['Standard_D4ps_v5', 'arm64'],
    ['Standard_E8pds_v5', 'arm64'],
    ['Standard_D2pls_v5', 'arm64'],
    ['Standard_D16plds_v6', 'arm64'],
    ['Standard_B2pts_v2', 'arm64'],
    ['Standard_D4s_v5', 'amd64'],
    ['Standard_D4as_v5', 'amd64'],
    ['Standard_DS2_v2', 'amd64'],
    ['Standard_E16ds_v4', 'amd64'],
    ['Standard_NC24ads_A100_v4', 'amd64'],
    [undefined, 'amd64'],
  ])('vmSize %s → kubernetes.io/arch %s', (vmSize, arch) => {
    const { labels } = profile({ ...LINUX_POOL, vmSize });
    expect(labels['kubernetes.io/arch']).toBe(arch);
    expect(labels['beta.kubernetes.io/arch']).toBe(arch);
    expect(labels['node.kubernetes.io/instance-type']).toBe(vmSize);
  });

  it.each([
    ['User', 'user'],
    ['System', 'system'],
    ['user', 'user'],
    ['Gateway', 'gateway'],
    [undefined, 'user'],
  ])('mode %s → kubernetes.azure.com/mode %s', (mode, label) => {
    expect(profile({ ...WINDOWS_POOL, mode }).labels).toMatchObject({
      'kubernetes.azure.com/mode': label,
    });
  });

  it('lets user labels override the implied ones', () => {
    const labels = {
      team: 'payments',
      'node.kubernetes.io/windows-build': '10.0.17763',
      'kubernetes.azure.com/os-sku': 'Custom',
    };
    expect(profile({ ...WINDOWS_POOL, labels }).labels).toMatchObject({
      ...labels,
      'kubernetes.io/os': 'windows',
    });
  });

  it('keeps the valid taints only', () => {
    expect(profile(WINDOWS_POOL).taints).toEqual([
      { key: 'os', value: 'windows', effect: 'NoSchedule' },
      { key: 'sku', value: 'win', effect: 'PreferNoSchedule' },
    ]);
    expect(profile(LINUX_POOL).taints).toEqual([]);
  });
});

describe('profilePool host build', () => {
  it.each(HOST_BUILD_CASES)('%s', (_label, pool, objects, build, source) => {
    const result = profile(pool, { objects });
    expect(result.hostBuild && formatWindowsVersion(result.hostBuild)).toBe(
      build,
    );
    expect(result.hostBuildSource).toBe(source);
    expect(result.labels['node.kubernetes.io/windows-build']).toBe(
      build?.split('.').slice(0, 3).join('.'),
    );
  });

  it('reads builds of SKUs added to the table', () => {
    const table = buildOsSkuTable([
      { osSku: 'Windows2031', osType: 'Windows', build: 30000 },
    ]);
    const pool: NodePool = {
      name: 'npwin',
      osType: 'Windows',
      osSku: 'Windows2031',
    };
    const result = profilePool(cluster([pool]), pool, table);
    expect(result.osSkuInfo?.build).toBe(30000);
    expect(result.labels['node.kubernetes.io/windows-build']).toBe(
      '10.0.30000',
    );
  });

  it('gives a Linux pool no host build even with a Windows-looking kernel', () => {
    const result = profile({ ...LINUX_POOL, kernelVersion: '10.0.20348.1' });
    expect(result.hostBuild).toBeUndefined();
    expect(result.osSku).toBeUndefined();
  });
});

describe('effectiveOsSku', () => {
  it.each(DEFAULT_OS_SKU_CASES)(
    'Windows, %s → %s',
    (_label, pool, kubernetesVersion, expected) => {
      const input: NodePool = { name: 'npwin', osType: 'Windows', ...pool };
      expect(effectiveOsSku(input, kubernetesVersion)).toBe(expected);
    },
  );

  it.each([
    [undefined, undefined],
    ['AzureLinux', 'AzureLinux'],
    ['Ubuntu2204', 'Ubuntu2204'],
  ])('Linux with osSku %s → %s', (osSku, expected) => {
    expect(effectiveOsSku({ ...LINUX_POOL, osSku }, '1.24')).toBe(expected);
  });
});

describe('Node objects', () => {
  it('take real labels, names and kernelVersion from the pool’s nodes', () => {
    const pool = { ...WINDOWS_POOL, labels: { team: 'from-pool' } };
    const result = profile(pool, { objects: NODES });
    expect(result.nodeNames).toEqual(['aksnpwin000000', 'aksnpwin00000a']);
    expect(result.hostBuild).toEqual({
      major: 10,
      minor: 0,
      build: 20348,
      revision: 2655,
    });
    expect(result.hostBuildSource).toBe('kernelVersion');
    expect(result.labels).toMatchObject({
      'topology.kubernetes.io/zone': 'westeurope-1',
      'kubernetes.azure.com/node-image-version':
        'AKSWindows-2022-containerd-20348.2655.240814',
      team: 'from-pool',
    });
  });

  it('leave a pool without nodes with none', () => {
    const pool: NodePool = { name: 'npw25', osType: 'Windows' };
    expect(profile(pool, { objects: NODES }).nodeNames).toEqual([]);
  });

  it.each<[string, KubernetesObject[]]>([
    ['npwin', [WINDOWS_NODE_0, WINDOWS_NODE_1]],
    ['nodepool1', [LINUX_NODE]],
    ['npw25', []],
  ])('nodesOfPool(%s)', (pool, expected) => {
    expect(nodesOfPool(NODES, pool)).toEqual(expected);
    expect(nodesOfPool([], pool)).toEqual([]);
  });
});

describe('poolOfNodeName', () => {
  const POOLS = ['nodepool1', 'npwin', 'np', 'win22'];
  it.each<[string, string | undefined]>([
    ['aksnpwin000000', 'npwin'],
    ['aksnpwin00000a', 'npwin'],
    ['aksnpwin00001z', 'npwin'],
    ['aksnp000001', 'np'],
    ['akswin22000003', 'win22'],
    ['aks-nodepool1-12345678-vmss000000', 'nodepool1'],
    ['aks-nodepool1-12345678-vmss00000b', 'nodepool1'],
    ['aks-np-87654321-vmss000002', 'np'],
    ['aksother000000', undefined],
    ['aks-userpool-12345678-vmss000000', undefined],
    ['aks-npwin2-12345678-vmss000000', undefined],
    ['aksnpwin0000000', undefined],
    ['aksnpwin00000', undefined],
    ['AKSNPWIN000000', undefined],
    ['aksnpwin00000_', undefined],
    ['aksnpwin000000.internal', undefined],
    ['npwin000000', undefined],
    ['node-1', undefined],
    ['', undefined],
  ])('%s → %s', (nodeName, pool) => {
    expect(poolOfNodeName(nodeName, POOLS)).toBe(pool);
  });

  it('finds nothing without pools', () => {
    expect(poolOfNodeName('aksnpwin000000', [])).toBeUndefined();
  });
});
