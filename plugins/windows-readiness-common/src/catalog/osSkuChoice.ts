import { isKubernetesVersionAllowed, type OsSkuInfo } from './osSkus';

/** The figures of an OS SKU the choice depends on (OsSkuInfo and OsSkuOption both have them). */
export type OsSkuLimits = Pick<
  OsSkuInfo,
  | 'osSku'
  | 'build'
  | 'retirementDate'
  | 'minKubernetesVersion'
  | 'maxKubernetesVersion'
>;

export interface OsSkuChoiceContext {
  /** The cluster's Kubernetes version; without it the version is not checked. */
  kubernetesVersion?: string;
  /** Retirement counts from this instant. */
  asOf: Date;
  /** For a pool moving to another SKU: what it runs now. */
  from?: { osSku?: string; build?: number };
}

function minor(version: string): string {
  return version.replace(/^v/, '').split('.').slice(0, 2).join('.');
}

function supportedRange(sku: OsSkuLimits): string | undefined {
  const { minKubernetesVersion: min, maxKubernetesVersion: max } = sku;
  if (min && max) return `on ${min} to ${max}`;
  if (min) return `on ${min} and later`;
  if (max) return `up to ${max}`;
  return undefined;
}

/**
 * Why AKS would refuse a new pool of this OS SKU, or a pool's move to it, on
 * the cluster; undefined when it would not. The one rule behind the node pool
 * template's OS SKU picker and the what-ifs' target lists: AKS creates no pool
 * of a SKU outside its Kubernetes versions or after its retirement, and moves a
 * pool only to a newer Windows build.
 */
export function osSkuRefusal(
  sku: OsSkuLimits,
  context: OsSkuChoiceContext,
): string | undefined {
  const { kubernetesVersion, asOf, from } = context;
  if (from?.osSku === sku.osSku) return 'The pool already runs it';
  if (
    kubernetesVersion &&
    isKubernetesVersionAllowed(sku as OsSkuInfo, kubernetesVersion) === false
  ) {
    const range = supportedRange(sku);
    return `Not allowed on Kubernetes ${minor(kubernetesVersion)}${
      range ? ` (AKS runs it ${range})` : ''
    }`;
  }
  const today = asOf.toISOString().slice(0, 10);
  if (sku.retirementDate && sku.retirementDate <= today) {
    return `Retired on ${sku.retirementDate}: AKS creates no new pools of it`;
  }
  if (from?.build && sku.build && sku.build < from.build) {
    return `Older than the pool's build 10.0.${from.build}: a pool only moves to a newer Windows Server`;
  }
  return undefined;
}
