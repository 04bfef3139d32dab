/**
 * What AKS offers the generated clusters: regions, Kubernetes versions, node
 * OS SKUs with the node images AKS shipped for them, VM sizes and the
 * RuntimeClasses for Windows builds. Weights are rough shares of a real fleet.
 */

export const REGIONS = [
  { code: 'weu', location: 'westeurope' },
  { code: 'neu', location: 'northeurope' },
  { code: 'eus', location: 'eastus' },
  { code: 'eus2', location: 'eastus2' },
  { code: 'wus3', location: 'westus3' },
  { code: 'uks', location: 'uksouth' },
  { code: 'sec', location: 'swedencentral' },
  { code: 'sea', location: 'southeastasia' },
  { code: 'aue', location: 'australiaeast' },
  { code: 'jpe', location: 'japaneast' },
];
export const ENVIRONMENTS = ['prod', 'prod', 'stg', 'dev'];

export const KUBERNETES_VERSIONS = [
  { version: '1.30.14', minor: 30, weight: 10 },
  { version: '1.31.10', minor: 31, weight: 15 },
  { version: '1.31.11', minor: 31, weight: 10 },
  { version: '1.32.6', minor: 32, weight: 20 },
  { version: '1.32.7', minor: 32, weight: 15 },
  { version: '1.33.2', minor: 33, weight: 20 },
  { version: '1.33.3', minor: 33, weight: 10 },
];

export interface WindowsSku {
  osSku: string;
  /** Pool-name stem, at most 3 characters. */
  code: string;
  build: number;
  minMinor: number;
  maxMinor: number;
  weight: number;
  /** `nodeImageVersion` values AKS has shipped for the SKU. */
  nodeImages: string[];
}

export const WINDOWS_SKUS: readonly WindowsSku[] = [
  {
    osSku: 'Windows2019',
    code: 'w19',
    build: 17763,
    minMinor: 14,
    maxMinor: 32,
    weight: 25,
    nodeImages: [
      'AKSWindows-2019-containerd-17763.6532.241101',
      'AKSWindows-2019-containerd-17763.6659.241205',
      'AKSWindows-2019-containerd-17763.7009.250314',
      'AKSWindows-2019-containerd-17763.7314.250513',
      'AKSWindows-2019-containerd-17763.7792.251027',
    ],
  },
  {
    osSku: 'Windows2022',
    code: 'w22',
    build: 20348,
    minMinor: 23,
    maxMinor: 34,
    weight: 45,
    nodeImages: [
      'AKSWindows-2022-containerd-20348.2582.240716',
      'AKSWindows-2022-containerd-20348.2849.241101',
      'AKSWindows-2022-containerd-20348.3453.250409',
      'AKSWindows-2022-containerd-gen2-20348.3695.250513',
      'AKSWindows-2022-containerd-20348.4052.250812',
      'AKSWindows-2022-containerd-20348.4294.251027',
    ],
  },
  {
    osSku: 'Windows2025',
    code: 'w25',
    build: 26100,
    minMinor: 32,
    maxMinor: 99,
    weight: 18,
    nodeImages: [
      'AKSWindows-2025-gen2-26100.4061.250513',
      'AKSWindows-2025-gen2-26100.4946.250812',
      'AKSWindows-2025-gen2-26100.6905.251027',
    ],
  },
  {
    osSku: 'WindowsAnnual',
    code: 'wan',
    build: 25398,
    minMinor: 28,
    maxMinor: 33,
    weight: 10,
    nodeImages: [
      'AKSWindows-23H2-gen2-25398.1189.241008',
      'AKSWindows-23H2-gen2-25398.1425.250211',
      'AKSWindows-23H2-gen2-25398.1611.250518',
    ],
  },
];

export const LINUX_SYSTEM_SKUS = [
  {
    osSku: 'Ubuntu',
    nodeImages: [
      'AKSUbuntu-2204gen2containerd-202509.23.0',
      'AKSUbuntu-2204gen2containerd-202510.27.0',
    ],
    weight: 6,
  },
  {
    osSku: 'AzureLinux',
    nodeImages: [
      'AKSAzureLinux-V3gen2-202509.23.0',
      'AKSAzureLinux-V3gen2-202510.27.0',
    ],
    weight: 4,
  },
];

export const LINUX_USER_SKUS = [
  {
    osSku: 'Ubuntu2204',
    nodeImages: [
      'AKSUbuntu-2204gen2containerd-202509.23.0',
      'AKSUbuntu-2204gen2containerd-202510.27.0',
    ],
    weight: 6,
  },
  {
    osSku: 'AzureLinux3',
    nodeImages: ['AKSAzureLinux-V3gen2-202510.27.0'],
    weight: 4,
  },
];

export const WINDOWS_VM_SIZES = [
  'Standard_D4s_v5',
  'Standard_D8s_v5',
  'Standard_D8ds_v5',
  'Standard_E8s_v5',
];
export const LINUX_VM_SIZES = [
  'Standard_D8s_v5',
  'Standard_D16s_v5',
  'Standard_D8as_v5',
];

/** The RuntimeClass a cluster defines for each Windows build it runs. */
export const RUNTIME_CLASSES = [
  { name: 'windows-2019', build: 17763 },
  { name: 'windows-2022', build: 20348 },
  { name: 'windows-2025', build: 26100 },
];
