import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ClusterLocator } from './sources/types';

/** Lets other backend modules add where clusters come from. */
export interface WindowsReadinessSourcesExtensionPoint {
  addClusterLocator(...locators: ClusterLocator[]): void;
}

export const windowsReadinessSourcesExtensionPoint =
  createExtensionPoint<WindowsReadinessSourcesExtensionPoint>({
    id: 'windows-readiness.sources',
  });
