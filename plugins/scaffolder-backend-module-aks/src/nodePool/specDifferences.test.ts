import type { AgentPool } from '@azure/arm-containerservice';
import type { NodePoolSpec } from './nodePoolSpec';
import { specDifferences } from './specDifferences';

const spec: NodePoolSpec = {
  subscriptionId: 'sub',
  resourceGroup: 'rg',
  cluster: 'aks',
  name: 'npwin',
  osType: 'Windows',
  osSku: 'Windows2022',
  mode: 'User',
  vmSize: 'Standard_D4s_v5',
  count: 2,
  taints: ['sku=win:NoSchedule'],
  labels: { team: 'payments' },
};

// As ARM answers: casing may differ, defaults are filled in.
const pool: AgentPool = {
  osType: 'Windows',
  osSKU: 'windows2022',
  mode: 'User',
  vmSize: 'standard_d4s_v5',
  count: 2,
  enableAutoScaling: false,
  nodeTaints: ['sku=win:NoSchedule'],
  nodeLabels: { team: 'payments' },
  maxPods: 30,
  orchestratorVersion: '1.33.2',
};

describe('specDifferences', () => {
  it('finds none between a spec and the pool ARM made of it', () => {
    expect(specDifferences(spec, pool)).toEqual([]);
    expect(
      specDifferences({ ...spec, kubernetesVersion: '1.33' }, pool),
    ).toEqual([]);
  });

  it.each<[string, Partial<NodePoolSpec>, Partial<AgentPool>, string]>([
    [
      'the OS SKU',
      { osSku: 'Windows2025' },
      {},
      'osSku: wanted "Windows2025", the pool has "windows2022"',
    ],
    ['the count', { count: 3 }, {}, 'count: wanted 3, the pool has 2'],
    [
      'autoscaling',
      { autoscaling: { minCount: 1, maxCount: 3 } },
      {},
      'enableAutoScaling: wanted true, the pool has false',
    ],
    [
      'the autoscaling bounds',
      { autoscaling: { minCount: 1, maxCount: 3 } },
      { enableAutoScaling: true, minCount: 1, maxCount: 5 },
      'maxCount: wanted 3, the pool has 5',
    ],
    [
      'the taints',
      { taints: [] },
      {},
      'taints: wanted [], the pool has ["sku=win:NoSchedule"]',
    ],
    [
      'the labels',
      { labels: {} },
      {},
      'labels: wanted {}, the pool has {"team":"payments"}',
    ],
    [
      'the version',
      { kubernetesVersion: '1.32' },
      {},
      'kubernetesVersion: wanted "1.32", the pool has "1.33.2"',
    ],
    ['maxPods', { maxPods: 60 }, {}, 'maxPods: wanted 60, the pool has 30'],
    [
      'the zones',
      { availabilityZones: ['1'] },
      {},
      'availabilityZones: wanted ["1"], the pool has []',
    ],
  ])('names a difference in %s', (_what, specChange, poolChange, line) => {
    expect(
      specDifferences({ ...spec, ...specChange }, { ...pool, ...poolChange }),
    ).toEqual([line]);
  });
});
