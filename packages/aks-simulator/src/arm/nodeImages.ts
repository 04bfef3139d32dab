import {
  findOsSku,
  type OsSkuTable,
} from '@winready/plugin-windows-readiness-common';

/**
 * Pure: the node image version AKS would give a new pool of an OS SKU
 * (facts 4.5: `AKSWindows-<sku>[-containerd][-gen2]-<build>.<UBR>.<YYMMDD>`,
 * Linux `AKS<distro>-<YYYYMM>.<DD>.<N>`), from one fixed release so that the
 * answers are reproducible.
 */

const RELEASE_WINDOWS = '251027';
const RELEASE_LINUX = '202510.27.0';

const WINDOWS_IMAGES: Record<string, string> = {
  windows2019: `AKSWindows-2019-containerd-17763.7919.${RELEASE_WINDOWS}`,
  windows2022: `AKSWindows-2022-containerd-20348.4294.${RELEASE_WINDOWS}`,
  windowsannual: `AKSWindows-23H2-gen2-25398.1913.${RELEASE_WINDOWS}`,
  windows2025: `AKSWindows-2025-gen2-26100.6905.${RELEASE_WINDOWS}`,
};

const LINUX_IMAGES: Record<string, string> = {
  ubuntu: `AKSUbuntu-2204gen2containerd-${RELEASE_LINUX}`,
  ubuntu2204: `AKSUbuntu-2204gen2containerd-${RELEASE_LINUX}`,
  ubuntu2404: `AKSUbuntu-2404gen2containerd-${RELEASE_LINUX}`,
  azurelinux: `AKSAzureLinux-V3gen2-${RELEASE_LINUX}`,
  azurelinux3: `AKSAzureLinux-V3gen2-${RELEASE_LINUX}`,
  cblmariner: `AKSCBLMariner-V2gen2-${RELEASE_LINUX}`,
  mariner: `AKSCBLMariner-V2gen2-${RELEASE_LINUX}`,
};

/**
 * The nodeImageVersion of a freshly created pool. A Windows SKU the table
 * knows but this list does not gets its build with UBR 1; a Windows SKU
 * nobody knows gets none (as a fleet pool without one), since inventing a
 * build would decide compatibility.
 */
export function nodeImageVersionFor(
  osType: 'Linux' | 'Windows',
  osSku: string,
  osSkus: OsSkuTable,
): string | undefined {
  const key = osSku.toLowerCase();
  if (osType === 'Windows') {
    if (WINDOWS_IMAGES[key]) return WINDOWS_IMAGES[key];
    const build = findOsSku(osSkus, osSku)?.build;
    const flavour = osSku.replace(/^Windows/i, '').replace(/[^0-9A-Za-z]/g, '');
    return build
      ? `AKSWindows-${flavour || 'Server'}-gen2-${build}.1.${RELEASE_WINDOWS}`
      : undefined;
  }
  return (
    LINUX_IMAGES[key] ??
    `AKS${osSku.replace(/[^0-9A-Za-z]/g, '') || 'Linux'}-${RELEASE_LINUX}`
  );
}

/** The OS an OS SKU belongs to, or undefined for one nobody knows. */
export function osTypeOfSku(
  osSku: string,
  osSkus: OsSkuTable,
): 'Linux' | 'Windows' | undefined {
  const known = findOsSku(osSkus, osSku);
  if (known) return known.osType;
  const key = osSku.toLowerCase();
  if (key.startsWith('windows')) return 'Windows';
  if (LINUX_IMAGES[key] || /^(ubuntu|azurelinux|flatcar|mariner)/.test(key)) {
    return 'Linux';
  }
  return undefined;
}
