import { readFile } from 'node:fs/promises';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { buildOsSkuTable } from '@winready/plugin-windows-readiness-common';
import {
  createAzureCredential,
  readSourcesConfig,
} from '@winready/plugin-windows-readiness-node';
import { AgentPoolOperations } from './azure/AgentPoolOperations';
import { createNodePoolAction } from './actions/createNodePoolAction';

const DEFAULT_POLL_INTERVAL_SECONDS = 15;

/** Adds `aks:nodepool:create` to the scaffolder, with the readiness backend's Azure config. */
export const scaffolderModuleAks = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'aks',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ scaffolder, config, logger }) {
        const sources = readSourcesConfig(config);
        const pollIntervalSeconds =
          config.getOptionalNumber(
            'windowsReadiness.nodePoolAction.pollIntervalSeconds',
          ) ?? DEFAULT_POLL_INTERVAL_SECONDS;
        const azure = sources.azure;
        if (!azure) {
          logger.warn(
            'windowsReadiness.azure is not configured: aks:nodepool:create will only dry-run.',
          );
        }
        const operations = azure
          ? new AgentPoolOperations({
              credential: createAzureCredential(azure.credential),
              armEndpoint: azure.armEndpoint,
              caPem: azure.caFile
                ? await readFile(azure.caFile, 'utf8')
                : undefined,
              pollIntervalMs: pollIntervalSeconds * 1000,
            })
          : undefined;
        scaffolder.addActions(
          createNodePoolAction({
            operations,
            osSkus: buildOsSkuTable(sources.osSkus),
          }),
        );
      },
    });
  },
});
