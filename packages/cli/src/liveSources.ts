import type * as NodeSources from '@winready/plugin-windows-readiness-node';
import type * as ConfigLoader from '@backstage/config-loader';

/*
 * The live sources (Azure SDK, Kubernetes client, registry client) and the
 * config loader take well over a second to load. A run on a fleet file, or
 * one that stops at a bad option or a missing config, should not wait for
 * them, so the commands load them when they use them.
 */

/** `@winready/plugin-windows-readiness-node`, loaded on first use. */
export function liveSources(): typeof NodeSources {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@winready/plugin-windows-readiness-node');
}

/** `@backstage/config-loader`, loaded on first use. */
export function configLoader(): typeof ConfigLoader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@backstage/config-loader');
}
