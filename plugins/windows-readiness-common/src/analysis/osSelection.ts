import type { NodeSelectorTerm } from '../model';

export const OS_LABEL = 'kubernetes.io/os';
export const BETA_OS_LABEL = 'beta.kubernetes.io/os';
export const OS_SKU_LABEL = 'kubernetes.azure.com/os-sku';
export const WINDOWS_BUILD_LABEL = 'node.kubernetes.io/windows-build';

/** How a workload asks for an OS: which labels, and which OS. */
export interface OsSelection {
  windows: boolean;
  linux: boolean;
  /** The labels through which it selects Windows. */
  windowsLabels: string[];
}

// Windows SKUs are named Windows…; every other AKS SKU is a Linux one.
const isWindowsSku = (value: string) => /^windows/i.test(value);

/** The OS one label value asks for, if it asks for one. */
function osOfValue(label: string, value: string): 'windows' | 'linux' | '' {
  switch (label) {
    case OS_LABEL:
    case BETA_OS_LABEL:
      return value === 'windows' || value === 'linux' ? value : '';
    case OS_SKU_LABEL:
      if (!value) return '';
      return isWindowsSku(value) ? 'windows' : 'linux';
    case WINDOWS_BUILD_LABEL:
      // Only Windows nodes carry the label.
      return 'windows';
    default:
      return '';
  }
}

/**
 * The OS a workload selects through nodeSelector (RuntimeClass scheduling
 * merged in) and required node affinity: `kubernetes.io/os`, the beta label,
 * `kubernetes.azure.com/os-sku` or `node.kubernetes.io/windows-build`.
 */
export function osSelection(
  nodeSelector: Record<string, string>,
  terms: readonly NodeSelectorTerm[],
): OsSelection {
  const selection: OsSelection = {
    windows: false,
    linux: false,
    windowsLabels: [],
  };
  const note = (label: string, os: 'windows' | 'linux' | '') => {
    if (os === 'windows') {
      selection.windows = true;
      if (!selection.windowsLabels.includes(label)) {
        selection.windowsLabels.push(label);
      }
    }
    if (os === 'linux') selection.linux = true;
  };
  for (const [label, value] of Object.entries(nodeSelector)) {
    note(label, osOfValue(label, String(value)));
  }
  for (const term of terms) {
    for (const requirement of term.matchExpressions ?? []) {
      const values = requirement.values ?? [];
      if (requirement.operator === 'In' && values.length > 0) {
        const oses = new Set(values.map(v => osOfValue(requirement.key, v)));
        if (oses.size === 1) note(requirement.key, [...oses][0]);
      } else if (
        requirement.key === WINDOWS_BUILD_LABEL &&
        ['Exists', 'Gt', 'Lt'].includes(requirement.operator)
      ) {
        note(requirement.key, 'windows');
      }
    }
  }
  return selection;
}
