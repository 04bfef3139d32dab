/**
 * For the test backends of other plugins and modules that call the
 * windows-readiness backend: the plugin with its sources and its clock set.
 * Where the sources point (the AKS simulator, a fleet) is the test's own.
 *
 * @packageDocumentation
 */
import {
  createBackendModule,
  createServiceFactory,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import {
  windowsReadinessSourcesExtensionPoint,
  type ClusterLocator,
  type SourcesConfig,
} from '@winready/plugin-windows-readiness-node';
import { windowsReadinessPlugin } from './plugin';
import { clockFrom, clockServiceRef } from './service/clock';

/** The plugin's clock, from `start` on, moving with real time. */
function readinessClockFactory(start: Date) {
  return createServiceFactory({
    service: clockServiceRef,
    deps: {},
    factory: () => clockFrom(start),
  });
}

/** A module that points the plugin's sources somewhere, as the demo's does. */
function readinessSourcesModule(
  sources: SourcesConfig | undefined,
  locators: ClusterLocator[] = [],
): BackendFeature {
  return createBackendModule({
    pluginId: 'windows-readiness',
    moduleId: 'test-sources',
    register(env) {
      env.registerInit({
        deps: { ext: windowsReadinessSourcesExtensionPoint },
        async init({ ext }) {
          if (sources) ext.useSourcesConfig(sources);
          if (locators.length) ext.addClusterLocator(...locators);
        },
      });
    },
  });
}

/**
 * The windows-readiness plugin for a test backend: reading `sources`, with
 * its clock starting at `now` (dates count from it, whatever the day the test
 * runs). Add a catalog and config beside it; refresh with `POST /v1/refresh`.
 */
export function windowsReadinessTestFeatures(options: {
  sources?: SourcesConfig;
  locators?: ClusterLocator[];
  now?: Date;
}): BackendFeature[] {
  return [
    windowsReadinessPlugin,
    readinessSourcesModule(options.sources, options.locators),
    ...(options.now ? [readinessClockFactory(options.now)] : []),
  ];
}
