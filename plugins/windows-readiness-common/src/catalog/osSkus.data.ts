/**
 * What AKS does with an agent pool `osSKU`. AKS moves these dates and limits,
 * so each figure names its source in `sources` and the whole table can be
 * overridden from config (see buildOsSkuTable).
 */
export interface OsSkuInfo {
  osSku: string;
  osType: 'Windows' | 'Linux';
  /** Host Windows build of the pool's nodes. */
  build?: number;
  /** The base-image tag of the images this SKU runs natively. */
  baseImageTag?: string;
  /** The OS SKU a pool moves to when this one retires. */
  successor?: string;
  /** ISO date from which AKS ships no new node images or patches. */
  retirementDate?: string;
  /** ISO date from which the node images are deleted and scale-out fails. */
  imageDeletionDate?: string;
  /** Lowest Kubernetes minor a pool of this SKU may run, e.g. `1.14`. */
  minKubernetesVersion?: string;
  /** Highest Kubernetes minor a pool of this SKU may run (inclusive). */
  maxKubernetesVersion?: string;
  /** Field name to where its figure comes from. */
  sources: Record<string, string>;
}

const KNOWN_OSSKU =
  '@azure/arm-containerservice KnownOssku (models.ts), Learn Ossku pages (H)';

function linuxSku(osSku: string): OsSkuInfo {
  return { osSku, osType: 'Linux', sources: { osType: KNOWN_OSSKU } };
}

// Sections 4.1, 4.6 and 1.1 of docs/windows-containers-on-aks.md.
export const DEFAULT_OS_SKUS: readonly OsSkuInfo[] = [
  {
    osSku: 'Windows2019',
    osType: 'Windows',
    build: 17763,
    baseImageTag: 'ltsc2019',
    successor: 'Windows2022',
    retirementDate: '2026-03-01',
    imageDeletionDate: '2027-04-01',
    minKubernetesVersion: '1.14',
    maxKubernetesVersion: '1.32',
    sources: {
      osType: KNOWN_OSSKU,
      build:
        'KnownOssku: Windows2019 nodes run only 2019 containers; ' +
        'WS2019 is build 17763 (hcsshim RS5) (H)',
      baseImageTag: 'MCR base-image tag ltsc2019 = build 17763 (H)',
      successor:
        'azure-aks-docs upgrade-windows-os.md: 2019 pools move to a new ' +
        'Windows2022 pool (no in-place osSKU change) (H)',
      retirementDate:
        'Azure/AKS#4091, #4268; includes/windows-server-2019-retirement.md: ' +
        'no new images or patches from 2026-03-01 (H)',
      imageDeletionDate:
        'includes/windows-server-2019-retirement.md: images deleted ' +
        '2027-04-01, scale-out fails (H)',
      minKubernetesVersion:
        'Azure/AKS#4091; windows-server-2019-retirement.md: 1.14-1.32 (H)',
      maxKubernetesVersion:
        'Azure/AKS#4091; windows-server-2019-retirement.md: blocked on ' +
        '1.33+ (H)',
    },
  },
  {
    osSku: 'Windows2022',
    osType: 'Windows',
    build: 20348,
    baseImageTag: 'ltsc2022',
    successor: 'Windows2025',
    retirementDate: '2027-03-15',
    imageDeletionDate: '2028-04-01',
    minKubernetesVersion: '1.23',
    maxKubernetesVersion: '1.34',
    sources: {
      osType: KNOWN_OSSKU,
      build:
        'KnownOssku: Windows2022 nodes run only 2022 containers; ' +
        'WS2022 is build 20348 (hcsshim LTSC2022) (H)',
      baseImageTag: 'MCR base-image tag ltsc2022 = build 20348 (H)',
      successor:
        'Azure/AKS#5904: Windows2025 is the default and only Windows option ' +
        'from 1.37; in-place 2022->2025 migration planned ~Nov 2026 (M)',
      retirementDate:
        'docs/windows-containers-on-aks.md 4.6 (AKS retirement notice, ' +
        'with Azure/AKS#4168): retired 2027-03-15 (M)',
      imageDeletionDate:
        'docs/windows-containers-on-aks.md 4.6 (AKS retirement notice): ' +
        'images deleted 2028-04-01 (M)',
      minKubernetesVersion:
        'azure-aks-docs upgrade-os-version.md: supported "1.23 to 1.34" (M)',
      maxKubernetesVersion:
        'AKS sources disagree on the cut-off (1.34/1.35/1.36): ' +
        'upgrade-os-version.md says "1.23 to 1.34" (chosen); Azure/AKS#4168 ' +
        'and windows-best-practices.md: cannot be created on 1.35+; the 2026 ' +
        'retirement include: not supported on 1.36+; a third-party wiki ' +
        'copy: upgrades to >= 1.34.0 blocked. Check against live data (M)',
    },
  },
  {
    osSku: 'WindowsAnnual',
    osType: 'Windows',
    build: 25398,
    baseImageTag: 'ltsc2022',
    successor: 'Windows2025',
    retirementDate: '2026-05-15',
    imageDeletionDate: '2027-05-15',
    minKubernetesVersion: '1.28',
    maxKubernetesVersion: '1.33',
    sources: {
      osType: KNOWN_OSSKU,
      build:
        'azure-aks-docs windows-annual-channel.md: 23H2 host; containerd ' +
        'v23H2 = 25398 (H)',
      baseImageTag:
        'windows-annual-channel.md: a 23H2 host runs WS2022 images (H)',
      successor:
        'Windows2025 is the LTSC that runs both the WS2022 images of 23H2 ' +
        'pools and WS2025 images (KnownOssku; Azure/AKS#5904) (M)',
      retirementDate:
        'includes/windows-annual-channel-retirement.md: no new images from ' +
        '2026-05-15 (H)',
      imageDeletionDate:
        'includes/windows-annual-channel-retirement.md: images deleted ' +
        '2027-05-15 (H)',
      minKubernetesVersion:
        'windows-annual-channel.md: 23H2 on 1.28-1.33 (24H2 on 1.34-1.35 ' +
        'is a preview estimate) (H)',
      maxKubernetesVersion: 'windows-annual-channel.md: 23H2 on 1.28-1.33 (H)',
    },
  },
  {
    osSku: 'Windows2025',
    osType: 'Windows',
    build: 26100,
    baseImageTag: 'ltsc2025',
    minKubernetesVersion: '1.32',
    sources: {
      osType: KNOWN_OSSKU,
      build:
        'KnownOssku: Windows2025 nodes run 2022 and 2025 containers; ' +
        'WS2025 is build 26100 (containerd ltsc2025) (H)',
      baseImageTag: 'MCR base-image tag ltsc2025 = build 26100 (H)',
      minKubernetesVersion:
        'AKS docs: 1.32+ (preview behind AksWindows2025Preview, ' +
        'aks-preview >= 18.0.0b5); GA per AKS changelog 2026-05-29 (M)',
    },
  },
  linuxSku('Ubuntu'),
  linuxSku('Ubuntu2204'),
  linuxSku('Ubuntu2404'),
  linuxSku('AzureLinux'),
  linuxSku('AzureLinux3'),
  linuxSku('CBLMariner'),
  linuxSku('Mariner'),
];
