import type { SourceError } from '@winready/plugin-windows-readiness-common';

/** Two locators found the same cluster; the first one's is used. */
export const DUPLICATE_CLUSTER = 'DUPLICATE_CLUSTER';
/** A configured cluster whose auth needs the signed-in user; it is never read. */
export const UNSUPPORTED_AUTH_PROVIDER = 'UNSUPPORTED_AUTH_PROVIDER';

const CLUSTER_SCOPED: readonly string[] = [
  DUPLICATE_CLUSTER,
  UNSUPPORTED_AUTH_PROVIDER,
];

/**
 * Whether a locator error may have hidden clusters (a failed listing), so
 * that clusters missing from this collection must not be forgotten. Errors
 * about one named cluster hide nothing else.
 */
export function mayHideClusters(error: SourceError): boolean {
  return !CLUSTER_SCOPED.includes(error.errorType);
}
