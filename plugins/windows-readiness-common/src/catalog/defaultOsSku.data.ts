import { OS_SKU_TABLE_READ_ON } from './osSkus.data';

/**
 * The OS SKU AKS gives a Windows pool created without one, by Kubernetes
 * minor. Used only when neither ARM nor the pool's nodes say which SKU a pool
 * runs (docs/rules.md rule 5), so a wrong row here never overrides a fact.
 */
export interface DefaultOsSku {
  /** The first Kubernetes minor (inclusive) this default applies from. */
  fromMinor: number;
  osSku: string;
  source: string;
}

const READ = `read ${OS_SKU_TABLE_READ_ON}`;

/** Sorted by `fromMinor`; the last row that applies wins. */
export const DEFAULT_WINDOWS_OS_SKUS: readonly DefaultOsSku[] = [
  {
    fromMinor: 0,
    osSku: 'Windows2019',
    source:
      'ARM agentPool osSKU description: "Windows2019 when Kubernetes <= ' +
      `1.24" (Learn ContainerServiceOSSku, ${READ})`,
  },
  {
    fromMinor: 25,
    osSku: 'Windows2022',
    source:
      'ARM agentPool osSKU description: "Windows2022 when Kubernetes >= ' +
      `1.25"; AKS release notes 2022-08-14 (${READ})`,
  },
  {
    fromMinor: 37,
    osSku: 'Windows2025',
    source:
      'Sources disagree: Azure/AKS#5904 (2026-08-07) makes Windows2025 the ' +
      'default and only Windows option from 1.37, as AKS release notes ' +
      '2026-06-19 end Windows2022 at 1.37; one doc said 1.36. 1.37 is kept: ' +
      `on 1.36 both SKUs exist, and facts from the nodes come first (${READ})`,
  },
];

/** AKS's default Windows OS SKU for a Kubernetes minor. */
export function defaultWindowsOsSku(minor: number): DefaultOsSku {
  let chosen = DEFAULT_WINDOWS_OS_SKUS[0];
  for (const row of DEFAULT_WINDOWS_OS_SKUS) {
    if (minor >= row.fromMinor) chosen = row;
  }
  return chosen;
}
