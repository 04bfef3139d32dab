import {
  DEFAULT_OS_SKUS,
  osSkuRefusal,
  parseOsVersion,
  type OsSkuLimits,
  type PoolSummary,
} from '@winready/plugin-windows-readiness-common';

/** The built-in Windows OS SKUs, for when the backend's table (with config overrides) cannot be read. */
export const BUILT_IN_WINDOWS_OS_SKUS: readonly OsSkuLimits[] =
  DEFAULT_OS_SKUS.filter(sku => sku.osType === 'Windows');

/**
 * The OS SKUs a Windows pool could move to on its cluster, its successor
 * first: those AKS would accept (common's osSkuRefusal, the rule of the node
 * pool template's picker too) — allowed on the cluster's Kubernetes version,
 * not retired, not an older build.
 */
export function moveTargets(
  pool: Pick<PoolSummary, 'osSku' | 'windowsBuild' | 'successorOsSku'>,
  skus: readonly OsSkuLimits[],
  kubernetesVersion: string | undefined,
  asOf: Date,
): string[] {
  const from = {
    osSku: pool.osSku,
    build: parseOsVersion(pool.windowsBuild)?.build,
  };
  const targets = skus
    .filter(sku => !osSkuRefusal(sku, { kubernetesVersion, asOf, from }))
    .map(sku => sku.osSku);
  const successor = pool.successorOsSku;
  return successor && targets.includes(successor)
    ? [successor, ...targets.filter(sku => sku !== successor)]
    : targets;
}
