import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { windowsReadinessPermissions } from '@winready/plugin-windows-readiness-common';
import {
  createSnapshotBuilder,
  windowsReadinessSourcesExtensionPoint,
  type ClusterLocator,
  type SourcesConfig,
} from '@winready/plugin-windows-readiness-node';
import { registerActions } from './actions';
import { DatabaseWindowsReadinessStore } from './store';
import { readBackendConfig } from './service/backendConfig';
import { clockServiceRef } from './service/clock';
import { EntityCache } from './service/EntityCache';
import { ReadinessQueries } from './service/ReadinessQueries';
import { ReadinessRefresher } from './service/ReadinessRefresher';
import { createPreflightRouter } from './service/preflight';
import { createRouter } from './service/router';

export const REFRESH_TASK_ID = 'windows-readiness-refresh';

/** The windows-readiness backend plugin: wiring only. */
export const windowsReadinessPlugin = createBackendPlugin({
  pluginId: 'windows-readiness',
  register(env) {
    const locators: ClusterLocator[] = [];
    let sourcesOverride: SourcesConfig | undefined;
    env.registerExtensionPoint(windowsReadinessSourcesExtensionPoint, {
      addClusterLocator: (...added) => locators.push(...added),
      useSourcesConfig: config => {
        sourcesOverride = config;
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        actionsRegistry: actionsRegistryServiceRef,
        clock: clockServiceRef,
      },
      async init(deps) {
        const config = readBackendConfig(deps.config);
        const sources = sourcesOverride ?? config.sources;
        const store = await DatabaseWindowsReadinessStore.create({
          database: deps.database,
          now: () => deps.clock.now(),
        });
        const entities = new EntityCache(deps.catalog, deps.auth);
        const snapshotBuilder = () =>
          createSnapshotBuilder({
            config: sources,
            rootConfig: deps.config,
            extraLocators: locators,
            logger: deps.logger,
          });
        snapshotBuilder(); // a bad CA file or credential stops the start-up
        const refresher = new ReadinessRefresher({
          store,
          // A builder a refresh: its registry client keeps every answer, errors
          // included, for its lifetime, and tags are re-pushed.
          snapshots: { build: options => snapshotBuilder().build(options) },
          entities: () => entities.reload(),
          osSkus: config.osSkus,
          retirementWarningDays: config.retirementWarningDays,
          historyDays: config.historyDays,
          logger: deps.logger,
          now: () => deps.clock.now(),
        });
        const queries = new ReadinessQueries({
          store,
          catalog: deps.catalog,
          permissions: deps.permissions,
          entities,
          osSkus: config.osSkus,
          retirementWarningDays: config.retirementWarningDays,
          now: () => deps.clock.now(),
        });

        deps.permissionsRegistry.addPermissions(windowsReadinessPermissions);
        registerActions(deps.actionsRegistry, queries, deps.permissions);

        await deps.scheduler.scheduleTask({
          id: REFRESH_TASK_ID,
          ...config.schedule,
          scope: 'global',
          fn: async () => {
            await refresher.refresh();
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            scheduler: deps.scheduler,
            logger: deps.logger,
            store,
            queries,
            refresher,
            refreshTaskId: REFRESH_TASK_ID,
            preflight: createPreflightRouter({
              httpAuth: deps.httpAuth,
              permissions: deps.permissions,
              store,
              osSkus: config.osSkus,
              retirementWarningDays: config.retirementWarningDays,
              now: () => deps.clock.now(),
              limits: config.preflight,
            }),
          }),
        );
      },
    });
  },
});
