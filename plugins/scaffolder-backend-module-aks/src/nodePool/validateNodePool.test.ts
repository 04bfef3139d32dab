import { buildOsSkuTable } from '@winready/plugin-windows-readiness-common';
import type { NodePoolRequest } from './nodePoolSpec';
import { validateNodePool } from './validateNodePool';

const osSkus = buildOsSkuTable();

const windowsPool: NodePoolRequest = {
  subscriptionId: 'sub',
  resourceGroup: 'rg',
  cluster: 'aks',
  name: 'npwin',
  osSku: 'Windows2022',
  vmSize: 'Standard_D4s_v5',
  count: 2,
  taints: ['sku=win:NoSchedule'],
  labels: { team: 'payments' },
};

function problemsOf(
  change: Partial<NodePoolRequest>,
  clusterVersion = '1.33.2',
) {
  return validateNodePool(
    { ...windowsPool, ...change },
    { osSkus, clusterKubernetesVersion: clusterVersion },
  ).problems;
}

describe('validateNodePool', () => {
  it('accepts a tainted Windows2022 User pool and makes every choice explicit', () => {
    const result = validateNodePool(windowsPool, {
      osSkus,
      clusterKubernetesVersion: '1.33.2',
    });
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.spec).toEqual({
      ...windowsPool,
      osType: 'Windows',
      mode: 'User',
    });
  });

  it.each<[string, Partial<NodePoolRequest>, RegExp]>([
    // Names: Windows 1-6, others 1-12, lowercase letters and digits from a letter.
    [
      'a 7-character Windows name',
      { name: 'npwin22' },
      /^name: Windows pool names are 1 to 6 characters; "npwin22" has 7/,
    ],
    [
      'an empty name',
      { name: '' },
      /^name: .*must start with a lowercase letter/,
    ],
    [
      'an uppercase name',
      { name: 'NPwin' },
      /^name: "NPwin" must start with a lowercase letter/,
    ],
    [
      'a name starting with a digit',
      { name: '1win' },
      /^name: "1win" must start/,
    ],
    ['a name with a dash', { name: 'np-w' }, /^name: "np-w"/],
    [
      'a 13-character Linux name',
      { name: 'nplinux123456', osSku: 'Ubuntu', taints: [] },
      /^name: pool names are 1 to 12 characters; "nplinux123456" has 13/,
    ],
    // Mode.
    [
      'a Windows System pool',
      { mode: 'System' },
      /^mode: Windows pools must be User pools/,
    ],
    // OS SKU against the table and the Kubernetes version.
    [
      'an unknown OS SKU',
      { osSku: 'Windows2030' },
      /^osSku: "Windows2030" is not an OS SKU winready knows \(known: .*Windows2022/,
    ],
    [
      'Windows2019 on a 1.33 cluster',
      { osSku: 'Windows2019' },
      /^osSku: AKS runs Windows2019 pools on Kubernetes 1.14 to 1.32 only; this pool would run 1.33.2. Use Windows2022./,
    ],
    [
      'osType against the SKU',
      { osType: 'Linux' },
      /^osType: Linux does not go with Windows2022, a Windows OS SKU/,
    ],
    [
      'a pool version newer than the control plane',
      { kubernetesVersion: '1.34.1' },
      /^kubernetesVersion: 1.34.1 is newer than the cluster's control plane/,
    ],
    [
      'a version that is not one',
      { kubernetesVersion: 'latest' },
      /^kubernetesVersion: "latest" is not a version/,
    ],
    // Taints.
    [
      'a taint without an effect',
      { taints: ['sku=win'] },
      /^taints\[0\]: "sku=win" is not a taint; write key=value:Effect/,
    ],
    [
      'a taint with an unknown effect',
      { taints: ['sku=win:NoScheduleX'] },
      /^taints\[0\]: effect "NoScheduleX" of "sku=win:NoScheduleX" must be one of NoSchedule, PreferNoSchedule, NoExecute/,
    ],
    [
      'a taint with a space in its value',
      { taints: ['sku=w in:NoSchedule'] },
      /^taints\[0\]: "sku=w in:NoSchedule" is not a taint/,
    ],
    [
      'two taints of one key and effect',
      { taints: ['sku=win:NoSchedule', 'sku=other:NoSchedule'] },
      /^taints\[1\]: a second taint with key "sku" and effect NoSchedule/,
    ],
    // Labels.
    [
      'a reserved label',
      { labels: { 'kubernetes.azure.com/mode': 'user' } },
      /^labels\["kubernetes.azure.com\/mode"\]: AKS reserves/,
    ],
    [
      'a label value with a space',
      { labels: { team: 'pay ments' } },
      /^labels\["team"\]: value "pay ments"/,
    ],
    [
      'a label key that is too long',
      { labels: { ['k'.repeat(64)]: 'x' } },
      /^labels\["k+"\]: name must be 1 to 63/,
    ],
    // Sizes.
    [
      'a count above 1000',
      { count: 1001 },
      /^count: 1001 must be a whole number from 0 to 1000 for a User pool/,
    ],
    ['a negative count', { count: -1 }, /^count: -1/],
    ['a fractional count', { count: 1.5 }, /^count: 1.5/],
    [
      'autoscaling without bounds',
      { enableAutoScaling: true, count: undefined },
      /^minCount, maxCount: with autoscaling both are whole numbers from 0 to 1000 \(got none and none\)/,
    ],
    [
      'autoscaling with min above max',
      { enableAutoScaling: true, minCount: 5, maxCount: 2, count: undefined },
      /^minCount: 5 is above maxCount 2/,
    ],
    [
      'a count outside the autoscaling range',
      { enableAutoScaling: true, minCount: 1, maxCount: 3, count: 5 },
      /^count: 5 lies outside minCount 1 to maxCount 3/,
    ],
    [
      'maxPods below 10',
      { maxPods: 5 },
      /^maxPods: 5 must be a whole number from 10 to 250/,
    ],
    [
      'an unknown zone',
      { availabilityZones: ['1', '4'] },
      /^availabilityZones: \["1","4"\] must be distinct zones among 1, 2, 3/,
    ],
    [
      'a repeated zone',
      { availabilityZones: ['1', '1'] },
      /^availabilityZones: /,
    ],
    [
      'a VM size that is not one',
      { vmSize: 'D4s_v5' },
      /^vmSize: "D4s_v5" is not an Azure VM size/,
    ],
    [
      'an Arm64 VM size for Windows',
      { vmSize: 'Standard_D4ps_v5' },
      /^vmSize: Standard_D4ps_v5 is an Arm64 size/,
    ],
  ])('refuses %s', (_what, change, message) => {
    const problems = problemsOf(change);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(message)]),
    );
  });

  it('reports every problem at once', () => {
    expect(
      problemsOf({ name: 'npwindows', mode: 'System', taints: ['bad'] }),
    ).toHaveLength(3);
  });

  it('allows Windows2019 on the clusters that may still run it', () => {
    expect(problemsOf({ osSku: 'Windows2019' }, '1.31.5')).toEqual([]);
  });

  it('fills the count of an autoscaled pool from minCount', () => {
    const { spec } = validateNodePool(
      {
        ...windowsPool,
        count: undefined,
        enableAutoScaling: true,
        minCount: 2,
        maxCount: 4,
      },
      { osSkus },
    );
    expect(spec).toMatchObject({
      count: 2,
      autoscaling: { minCount: 2, maxCount: 4 },
    });
  });

  it.each<[string, Partial<NodePoolRequest>, string | undefined, RegExp]>([
    [
      'an untainted Windows pool',
      { taints: ['sku=win:PreferNoSchedule'] },
      '1.33.2',
      /no NoSchedule or NoExecute taint.*windows-pool-taint/,
    ],
    [
      'autoscaling bounds with autoscaling off',
      { minCount: 1, maxCount: 3 },
      '1.33.2',
      /minCount and maxCount are ignored: autoscaling is off/,
    ],
    [
      'an unknown cluster version',
      {},
      undefined,
      /Kubernetes version is unknown here, so whether Windows2022 may run it was not checked/,
    ],
  ])('notes %s without refusing it', (_what, change, version, note) => {
    const result = validateNodePool(
      { ...windowsPool, ...change },
      { osSkus, clusterKubernetesVersion: version },
    );
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([expect.stringMatching(note)]);
  });

  it('lets Linux pools have 12-character names, System mode and Arm64 sizes', () => {
    expect(
      problemsOf({
        name: 'nplinuxarm12',
        osSku: 'AzureLinux',
        mode: 'System',
        vmSize: 'Standard_D4ps_v5',
        taints: [],
      }),
    ).toEqual([]);
  });
});
