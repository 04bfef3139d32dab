import type { ImageFacts } from '../analysis/imageFacts';
import type { PoolProfile } from '../scheduling/poolProfile';

/**
 * Rule 8: what could not be told, and what would settle it, in words a
 * service owner can act on.
 */

// What a registry error says about the fix.
const SETTLE_BY_ERROR: Array<[RegExp, string]> = [
  [
    /\b40[13]\b|unauthori[sz]ed|forbidden|denied|credential|authenticat/i,
    "check the registry's credentials",
  ],
  [
    /allow-?list|not allowed/i,
    'add the registry host to windowsReadiness.registries.allow',
  ],
  [
    /\b404\b|not found|manifest unknown|name unknown/i,
    'check that the tag exists in the registry',
  ],
  [
    /timed? ?out|ECONN|ENOTFOUND|EAI_AGAIN|network|socket/i,
    'check that the collector can reach the registry',
  ],
];

/** What would let the registry describe an image. */
export function settleImage(image: ImageFacts): string {
  if (image.error) {
    const found = SETTLE_BY_ERROR.find(([pattern]) =>
      pattern.test(image.error!),
    );
    return found ? found[1] : "check the registry's answer";
  }
  if (image.platforms.length > 0) {
    return 'check the image index: its platform entries could not be read';
  }
  return "list its platforms under `images` in the fleet file, or check the registry's credentials";
}

/**
 * `the registry has not described <ref>`: what could not be told. What the
 * registry said goes to the evidence (imageUnknownDetail), what would settle
 * it to the remediation (settleSummary), so that the verdict reads the same
 * whether the fleet came from a file or from a registry.
 */
export function imageUnknownReason(image: ImageFacts): string {
  return `the registry has not described ${image.reference}`;
}

/** The reason with the registry's own words and what would settle it. */
export function imageUnknownDetail(image: ImageFacts): string {
  const said = image.error ? ` (${image.error})` : '';
  return `${imageUnknownReason(image)}${said}: ${settleImage(image)}`;
}

/** What would tell a pool's Windows build. */
export function settlePoolBuild(pool: PoolProfile): string {
  return `add the OS SKU ${
    pool.osSku ?? '(none)'
  } to windowsReadiness.osSkus with its build, or let the collector read the Node objects of pool ${
    pool.name
  }`;
}

/** `the Windows build of pool <p> is unknown (…)`. */
export function poolBuildUnknownReason(pool: PoolProfile): string {
  const sku = pool.osSku
    ? `OS SKU ${pool.osSku} is not in the OS SKU table`
    : 'no OS SKU is known for it';
  return `the Windows build of pool ${pool.name} is unknown (${sku} and no node reported a kernelVersion)`;
}

/** `To settle it: <action> (<image>); <action for a pool>.` */
export function settleSummary(
  images: readonly ImageFacts[],
  pools: readonly PoolProfile[] = [],
): string {
  return `To settle it: ${joinReasons([
    ...images.map(image => `${settleImage(image)} (${image.reference})`),
    ...pools.map(settlePoolBuild),
  ])}.`;
}

/** Joins reasons into one sentence part, each once. */
export function joinReasons(reasons: readonly string[]): string {
  return [...new Set(reasons)].join('; ');
}
