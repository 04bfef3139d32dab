import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import type { JSX } from 'react';
import { WindowsReadinessClient, windowsReadinessApiRef } from './api';
import {
  ClusterPickerFieldSchema,
  WindowsReadinessClusterPicker,
  validateClusterChoice,
} from './components/ClusterPicker';
import {
  OsSkuPickerFieldSchema,
  WindowsOsSkuPicker,
  validateOsSku,
} from './components/OsSkuPicker';
import type { EntityWindowsReadinessCardProps } from './components/EntityWindowsReadinessCard';
import type { EntityWindowsReadinessContentProps } from './components/EntityWindowsReadinessContent';
import type { ReadinessReportPageProps } from './components/ReadinessReportPage';
import { rootRouteRef } from './routes';

/** The Windows readiness plugin for the legacy frontend system. */
export const windowsReadinessPlugin = createPlugin({
  id: 'windows-readiness',
  apis: [
    createApiFactory({
      api: windowsReadinessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new WindowsReadinessClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The org-wide report: mount it at `/windows-readiness`. */
export const WindowsReadinessReportPage: (
  props: ReadinessReportPageProps,
) => JSX.Element = windowsReadinessPlugin.provide(
  createRoutableExtension({
    name: 'WindowsReadinessReportPage',
    component: () =>
      import('./components/ReadinessReportPage').then(
        m => m.ReadinessReportPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/** The card for an entity's overview page. */
export const EntityWindowsReadinessCard: (
  props: EntityWindowsReadinessCardProps,
) => JSX.Element = windowsReadinessPlugin.provide(
  createComponentExtension({
    name: 'EntityWindowsReadinessCard',
    component: {
      lazy: () =>
        import('./components/EntityWindowsReadinessCard').then(
          m => m.EntityWindowsReadinessCard,
        ),
    },
  }),
);

/** The entity tab: every check with evidence, fixes, what-if and history. */
export const EntityWindowsReadinessContent: (
  props: EntityWindowsReadinessContentProps,
) => JSX.Element = windowsReadinessPlugin.provide(
  createComponentExtension({
    name: 'EntityWindowsReadinessContent',
    component: {
      lazy: () =>
        import('./components/EntityWindowsReadinessContent').then(
          m => m.EntityWindowsReadinessContent,
        ),
    },
  }),
);

/**
 * Scaffolder field `ui:field: WindowsReadinessClusterPicker`: an AKS cluster
 * the readiness backend knows, as
 * `{ name, subscriptionId, resourceGroup, location?, kubernetesVersion? }`.
 * Put it inside `<ScaffolderFieldExtensions>`.
 */
export const WindowsReadinessClusterPickerFieldExtension =
  windowsReadinessPlugin.provide(
    createScaffolderFieldExtension({
      name: 'WindowsReadinessClusterPicker',
      component: WindowsReadinessClusterPicker,
      validation: validateClusterChoice,
      schema: ClusterPickerFieldSchema.schema,
    }),
  );

/**
 * Scaffolder field `ui:field: WindowsOsSkuPicker`: the OS SKU of a new Windows
 * pool, with how many services each can run; reads the chosen cluster from
 * the form field named by `ui:options.clusterField` (default `cluster`).
 */
export const WindowsOsSkuPickerFieldExtension = windowsReadinessPlugin.provide(
  createScaffolderFieldExtension({
    name: 'WindowsOsSkuPicker',
    component: WindowsOsSkuPicker,
    validation: validateOsSku,
    schema: OsSkuPickerFieldSchema.schema,
  }),
);
