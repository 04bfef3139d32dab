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
import { checkManifestsAction } from './actions/checkManifestsAction';
import { createNodePoolAction } from './actions/createNodePoolAction';
import {
  aksNodePoolActionExtensionPoint,
  type AksArmTarget,
} from './extensions';

const DEFAULT_POLL_INTERVAL_SECONDS = 15;

/**
 * Adds `aks:nodepool:create` (with the readiness backend's Azure config) and
 * `windows-readiness:check` (through the readiness backend) to the scaffolder.
 */
export const scaffolderModuleAks = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'aks',
  register(reg) {
    let armOverride: AksArmTarget | undefined;
    reg.registerExtensionPoint(aksNodePoolActionExtensionPoint, {
      useArm(target) {
        armOverride = target;
      },
    });
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, logger, discovery, auth }) {
        const sources = readSourcesConfig(config);
        const pollIntervalMs =
          (config.getOptionalNumber(
            'windowsReadiness.nodePoolAction.pollIntervalSeconds',
          ) ?? DEFAULT_POLL_INTERVAL_SECONDS) * 1000;
        const azure = sources.azure;
        let arm = armOverride;
        if (!arm && azure) {
          arm = {
            endpoint: azure.armEndpoint,
            credential: createAzureCredential(azure.credential),
            caPem: azure.caFile
              ? await readFile(azure.caFile, 'utf8')
              : undefined,
          };
        }
        if (!arm) {
          logger.warn(
            'windowsReadiness.azure is not configured: aks:nodepool:create will only dry-run.',
          );
        }
        scaffolder.addActions(
          createNodePoolAction({
            operations: arm
              ? new AgentPoolOperations({
                  credential: arm.credential,
                  armEndpoint: arm.endpoint,
                  caPem: arm.caPem,
                  pollIntervalMs,
                })
              : undefined,
            osSkus: buildOsSkuTable(sources.osSkus),
          }),
          checkManifestsAction({ discovery, auth }),
        );
      },
    });
  },
});
