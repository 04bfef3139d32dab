import type { KubernetesObject, NodePool } from '../../model';
import { WINDOWS_NODE_0 } from './aksNodes';

/** The Windows and Linux pools of facts 4.1/4.3, as ARM describes them. */
export const WINDOWS_POOL: NodePool = {
  name: 'npwin',
  osType: 'Windows',
  osSku: 'Windows2022',
  mode: 'User',
  count: 2,
  vmSize: 'Standard_D4s_v5',
  nodeImageVersion: 'AKSWindows-2022-containerd-20348.2582.240716',
  taints: ['os=windows:NoSchedule', 'not a taint', 'sku=win:PreferNoSchedule'],
};

export const LINUX_POOL: NodePool = {
  name: 'nodepool1',
  osType: 'Linux',
  mode: 'System',
  vmSize: 'Standard_D4ps_v5',
  nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202407.03.0',
};

const windows = (overrides: Partial<NodePool>): NodePool => ({
  name: 'npwin',
  osType: 'Windows',
  ...overrides,
});

/**
 * [case, pool, Node objects, host build, where it came from]: kernelVersion
 * first, then nodeImageVersion, then the OS SKU table (facts 4.5, 5.2).
 */
export const HOST_BUILD_CASES: Array<
  [string, NodePool, KubernetesObject[], string | undefined, string | undefined]
> = [
  [
    'pool kernelVersion beats nodeImageVersion',
    windows({
      osSku: 'Windows2019',
      kernelVersion: '10.0.20348.2700',
      nodeImageVersion: 'AKSWindows-2019-containerd-17763.4851.230914',
    }),
    [],
    '10.0.20348.2700',
    'kernelVersion',
  ],
  [
    'Node kernelVersion beats pool kernelVersion',
    windows({ kernelVersion: '10.0.20348.1' }),
    [WINDOWS_NODE_0],
    '10.0.20348.2655',
    'kernelVersion',
  ],
  [
    'nodeImageVersion beats the OS SKU',
    windows({
      osSku: 'Windows2022',
      nodeImageVersion: 'AKSWindows-2019-containerd-17763.4851.230914',
    }),
    [],
    '10.0.17763.4851',
    'nodeImageVersion',
  ],
  [
    'Annual Channel nodeImageVersion',
    windows({
      osSku: 'WindowsAnnual',
      nodeImageVersion: 'AKSWindows-23H2-gen2-25398.1611.250518',
    }),
    [],
    '10.0.25398.1611',
    'nodeImageVersion',
  ],
  [
    'a Linux kernelVersion is skipped',
    windows({
      kernelVersion: '5.15.0-1064-azure',
      nodeImageVersion: 'AKSWindows-2025-26100.4061.250518',
    }),
    [],
    '10.0.26100.4061',
    'nodeImageVersion',
  ],
  [
    'a three-part kernelVersion is skipped',
    windows({ osSku: 'Windows2022', kernelVersion: '10.0.17763' }),
    [],
    '10.0.20348',
    'osSku',
  ],
  [
    'a Linux nodeImageVersion is skipped',
    windows({
      osSku: 'Windows2025',
      nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202407.03.0',
    }),
    [],
    '10.0.26100',
    'osSku',
  ],
  [
    'Windows2019 from the OS SKU table',
    windows({ osSku: 'Windows2019' }),
    [],
    '10.0.17763',
    'osSku',
  ],
  [
    'Windows2022 from the OS SKU table',
    windows({ osSku: 'Windows2022' }),
    [],
    '10.0.20348',
    'osSku',
  ],
  [
    'WindowsAnnual from the OS SKU table',
    windows({ osSku: 'WindowsAnnual' }),
    [],
    '10.0.25398',
    'osSku',
  ],
  [
    'Windows2025 from the OS SKU table',
    windows({ osSku: 'Windows2025' }),
    [],
    '10.0.26100',
    'osSku',
  ],
  [
    'the default OS SKU on 1.24',
    windows({ orchestratorVersion: '1.24.10' }),
    [],
    '10.0.17763',
    'osSku',
  ],
  [
    'the default OS SKU on the cluster version',
    windows({}),
    [],
    '10.0.20348',
    'osSku',
  ],
  [
    'an unknown OS SKU',
    windows({ osSku: 'Windows2031' }),
    [],
    undefined,
    undefined,
  ],
];

/** [case, pool fields, cluster version, OS SKU in effect] (facts 4.1). */
export const DEFAULT_OS_SKU_CASES: Array<
  [string, Partial<NodePool>, string | undefined, string | undefined]
> = [
  [
    'an explicit Windows SKU',
    { osSku: 'Windows2025', orchestratorVersion: '1.20' },
    '1.20',
    'Windows2025',
  ],
  [
    'an unknown SKU kept as data',
    { osSku: 'Windows2031' },
    '1.30',
    'Windows2031',
  ],
  ['pool on 1.14', { orchestratorVersion: '1.14.8' }, undefined, 'Windows2019'],
  ['pool on 1.24', { orchestratorVersion: '1.24' }, undefined, 'Windows2019'],
  [
    'pool on 1.24.9',
    { orchestratorVersion: '1.24.9' },
    undefined,
    'Windows2019',
  ],
  [
    'pool on v1.24.0',
    { orchestratorVersion: 'v1.24.0' },
    undefined,
    'Windows2019',
  ],
  [
    'pool on 1.25.0',
    { orchestratorVersion: '1.25.0' },
    undefined,
    'Windows2022',
  ],
  ['pool on 1.33', { orchestratorVersion: '1.33' }, undefined, 'Windows2022'],
  ['cluster on 1.23', {}, '1.23.5', 'Windows2019'],
  ['cluster on 1.25', {}, '1.25.2', 'Windows2022'],
  [
    'pool version beats cluster version',
    { orchestratorVersion: '1.29' },
    '1.24',
    'Windows2022',
  ],
  ['no version known', {}, undefined, 'Windows2022'],
  [
    'an unreadable version',
    { orchestratorVersion: 'latest' },
    undefined,
    'Windows2022',
  ],
];
