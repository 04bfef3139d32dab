import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const step = (name: string, input: Record<string, unknown>) =>
  stringify({
    steps: [{ id: 'nodepool', action: 'aks:nodepool:create', name, input }],
  });

export const EXAMPLES: TemplateExample[] = [
  {
    description: 'A tainted Windows Server 2022 pool of two nodes',
    example: step('Create Windows pool', {
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      resourceGroup: 'rg-prod',
      cluster: 'aks-weu-prod',
      name: 'npwin',
      osSku: 'Windows2022',
      vmSize: 'Standard_D4s_v5',
      count: 2,
      taints: ['sku=win:NoSchedule'],
      labels: { team: 'payments' },
    }),
  },
  {
    description:
      'An autoscaled Windows Server 2025 pool in three zones, validated only',
    example: step('Plan Windows 2025 pool', {
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      resourceGroup: 'rg-prod',
      cluster: 'aks-weu-prod',
      name: 'win25',
      osSku: 'Windows2025',
      enableAutoScaling: true,
      minCount: 1,
      maxCount: 5,
      maxPods: 60,
      availabilityZones: ['1', '2', '3'],
      taints: ['sku=win:NoSchedule'],
      dryRun: true,
    }),
  },
];
