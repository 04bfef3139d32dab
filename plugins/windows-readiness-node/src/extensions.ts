import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { SourcesConfig } from './config/sourcesConfig';
import type { ClusterLocator } from './sources/types';

/** Lets other backend modules add where clusters come from. */
export interface WindowsReadinessSourcesExtensionPoint {
  addClusterLocator(...locators: ClusterLocator[]): void;
  /**
   * Replaces the sources read from `windowsReadiness` config, for a module
   * that knows them better at start-up (the demo's AKS simulator).
   */
  useSourcesConfig(config: SourcesConfig): void;
}

export const windowsReadinessSourcesExtensionPoint =
  createExtensionPoint<WindowsReadinessSourcesExtensionPoint>({
    id: 'windows-readiness.sources',
  });
