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

/** The day the figures below were last checked against AKS's notices. */
export const OS_SKU_TABLE_READ_ON = '2026-12-05';
const READ = `read ${OS_SKU_TABLE_READ_ON}`;

function linuxSku(osSku: string): OsSkuInfo {
  return { osSku, osType: 'Linux', sources: { osType: KNOWN_OSSKU } };
}

/** Every figure says when it was read; most figures say it inline. */
function dated(sku: OsSkuInfo): OsSkuInfo {
  const sources = Object.fromEntries(
    Object.entries(sku.sources).map(([field, source]) => [
      field,
      source.includes(READ) ? source : `${source} (${READ})`,
    ]),
  );
  return { ...sku, sources };
}

// Where two notices disagree, the earlier (safer) date or version is kept and
// both are named, so that a platform team can override it knowingly.
const WINDOWS_OS_SKUS: readonly OsSkuInfo[] = [
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
        'Azure/AKS#4091, #4268; AKS release notes 2026-05-29: "Windows ' +
        `Server 2019 retired on March 1, 2026" (H, ${READ})`,
      imageDeletionDate:
        'Azure/AKS#4091; AKS release notes 2026-05-29: images removed from ' +
        `April 1, 2027, scaling fails (H, ${READ})`,
      minKubernetesVersion: `Azure/AKS#4268: 1.14-1.32 (H, ${READ})`,
      maxKubernetesVersion:
        'Azure/AKS#4268; AKS release notes 2026-05-29: no new pools on ' +
        `1.33+ (H, ${READ})`,
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
        'from 1.37; an in-place 2022->2025 node pool update is estimated for ' +
        `November 2026 (aks-preview accepts it, Azure/azure-cli-extensions#10255) (M, ${READ})`,
      retirementDate:
        'Sources disagree: Azure/AKS#4168 and AKS release notes 2024-04-11 ' +
        'say 2027-03-15; AKS release notes 2026-06-19 extend it to ' +
        '2028-06-30. The earlier date is kept; override it once you rely on ' +
        `the extension (M, ${READ})`,
      imageDeletionDate:
        'Sources disagree: the AKS retirement notice behind the 2027 plan ' +
        'deleted images on 2028-04-01 (not found again on the read date); ' +
        'AKS release notes 2026-06-19 delete them from 2029-06-30. The ' +
        `earlier date is kept (M, ${READ})`,
      minKubernetesVersion: `azure-aks-docs upgrade-os-version.md: supported "1.23 to 1.34" (M, ${READ})`,
      maxKubernetesVersion:
        'Sources disagree on the cut-off: upgrade-os-version.md says "1.23 ' +
        'to 1.34"; Azure/AKS#4168, AKS release notes 2024-04-11 and ' +
        'windows-best-practices.md: no new pools on 1.35+; AKS release ' +
        'notes 2026-06-19: not supported on 1.37+ (a 2026 include said ' +
        `1.36+). The earliest, 1.34, is kept (M, ${READ})`,
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
        'windows-annual-channel.md; Azure/AKS#5608: Annual Channel uses ' +
        `WS2022 base images, which run on 2022 and 2025 hosts (H, ${READ})`,
      successor:
        'Azure/AKS#5608: migrate Annual Channel pools to LTSC; Windows2025 ' +
        `runs their WS2022 images (H, ${READ})`,
      retirementDate:
        'Azure/AKS#5608; AKS release notes 2026-05-29 and 2026-06-19: ' +
        'retired May 15, 2026 (5B was the last image); release notes ' +
        `2026-07-17: new pools refused (H, ${READ})`,
      imageDeletionDate:
        'Azure/AKS#5608; AKS release notes 2026-05-29: images removed May ' +
        `15, 2027, scaling and reimage fail (H, ${READ})`,
      minKubernetesVersion:
        'windows-annual-channel.md: 23H2 on 1.28-1.33 (24H2 on 1.34-1.35 ' +
        `was a preview estimate, never shipped before retirement) (H, ${READ})`,
      maxKubernetesVersion: `windows-annual-channel.md: 23H2 on 1.28-1.33 (H, ${READ})`,
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
        'Sources disagree: AKS docs list 1.32+ (the preview behind ' +
        'AksWindows2025Preview); a third-party provider PR says GA from ' +
        '1.33. GA in AKS release 2026-05-29; Gen2 VMs and FIPS-enabled ' +
        'images are required (FIPS cannot be turned off on WS2025, ' +
        `Azure/azure-cli-extensions#10255). 1.32 is kept (M, ${READ})`,
    },
  },
];

export const DEFAULT_OS_SKUS: readonly OsSkuInfo[] = [
  ...WINDOWS_OS_SKUS.map(dated),
  linuxSku('Ubuntu'),
  linuxSku('Ubuntu2204'),
  linuxSku('Ubuntu2404'),
  linuxSku('AzureLinux'),
  linuxSku('AzureLinux3'),
  linuxSku('CBLMariner'),
  linuxSku('Mariner'),
];
