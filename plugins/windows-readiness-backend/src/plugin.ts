import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { windowsReadinessPermissions } from '@winready/plugin-windows-readiness-common';
import {
  createSnapshotBuilder,
  windowsReadinessSourcesExtensionPoint,
  type ClusterLocator,
  type SourcesConfig,
} from '@winready/plugin-windows-readiness-node';
import { registerActions } from './actions';
import { ReadinessNotifier } from './notifications/ReadinessNotifier';
import { SentNotices } from './notifications/SentNotices';
import { notifyOwners } from './notifications/notifyOwners';
import { DatabaseWindowsReadinessStore } from './store';
import { readBackendConfig } from './service/backendConfig';
import { clockServiceRef } from './service/clock';
import { EntityCache } from './service/EntityCache';
import { noSourceWarning } from './service/noSourceWarning';
import { WorkloadQueries } from './service/WorkloadQueries';
import { ReadinessQueries } from './service/ReadinessQueries';
import { ClusterPipeline } from './refresh/ClusterPipeline';
import { InstancePresence } from './refresh/InstancePresence';
import { instanceName } from './refresh/instanceName';
import { Semaphore } from './refresh/Semaphore';
import { ShardedRefresh } from './refresh/ShardedRefresh';
import { ShardRefresher } from './refresh/ShardRefresher';
import { REFRESH_TASK_ID, shardSchedules } from './refresh/shards';
import { createPreflightRouter } from './service/preflight';
import { createRouter } from './service/router';

export { REFRESH_TASK_ID };

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
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        userInfo: coreServices.userInfo,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
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
        const noSource = noSourceWarning({
          sources,
          extraLocators: locators.length,
          rootConfig: deps.config,
        });
        if (noSource) deps.logger.warn(noSource);
        const notifier = config.notifications.enabled
          ? new ReadinessNotifier({
              notifications: deps.notifications,
              sent: new SentNotices(await deps.database.getClient()),
              logger: deps.logger,
              leadTimesDays: config.notifications.leadTimesDays,
            })
          : undefined;
        const now = () => deps.clock.now();
        const instance = instanceName();
        const presence = new InstancePresence({ store, instance, now });
        const refresh = new ShardedRefresh({
          store,
          shards: config.shards,
          now,
          presence,
          scheduler: deps.scheduler,
          logger: deps.logger,
          perInstance: config.shardsPerInstance,
          instance,
          refresher: new ShardRefresher({
            store,
            pipeline: new ClusterPipeline({
              store,
              osSkus: config.osSkus,
              retirementWarningDays: config.retirementWarningDays,
              logger: deps.logger,
              now,
              instance,
            }),
            // A builder a run: its registry client keeps every answer, errors
            // included, for its lifetime, and tags are re-pushed.
            sources: snapshotBuilder,
            withEntities: use => entities.hold(use),
            shards: config.shards,
            clusters: new Semaphore(sources.concurrency),
            historyDays: config.historyDays,
            logger: deps.logger,
            now,
            instance,
            onServicesChanged: notifier
              ? changes => notifyOwners(store, notifier, changes, now())
              : undefined,
          }),
        });
        const workloads = new WorkloadQueries({
          store,
          namespaceOwners: config.namespaceOwners,
        });
        const queries = new ReadinessQueries({
          store,
          catalog: deps.catalog,
          permissions: deps.permissions,
          entities,
          osSkus: config.osSkus,
          retirementWarningDays: config.retirementWarningDays,
          now: () => deps.clock.now(),
          namespaceOwners: config.namespaceOwners,
          workloads,
        });

        deps.permissionsRegistry.addPermissions(windowsReadinessPermissions);
        registerActions(
          deps.actionsRegistry,
          queries,
          deps.permissions,
          deps.userInfo,
        );

        await presence.start();
        deps.lifecycle.addShutdownHook(() => presence.stop());
        const schedules = shardSchedules(config.schedule, config.shards);
        for (const [shard, taskId] of refresh.taskIds.entries()) {
          await deps.scheduler.scheduleTask({
            id: taskId,
            ...schedules[shard],
            scope: 'global',
            fn: async signal => {
              await refresh.runShard(shard, signal);
            },
          });
        }

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            scheduler: deps.scheduler,
            logger: deps.logger,
            store,
            queries,
            workloads,
            refresh,
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
