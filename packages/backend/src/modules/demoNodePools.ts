import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { aksNodePoolActionExtensionPoint } from '@winready/plugin-scaffolder-backend-module-aks';
import { createAzureCredential } from '@winready/plugin-windows-readiness-node';
import { demoFleetSimulator } from './demoFleetSimulator';

/**
 * The embedded demo: aks:nodepool:create creates pools in the demo's AKS
 * simulator, so the readiness report shows them after the next refresh.
 */
export default createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'demo-node-pools',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
        nodePools: aksNodePoolActionExtensionPoint,
      },
      async init({ nodePools, ...deps }) {
        const demo = await demoFleetSimulator(deps);
        if (!demo?.sources.azure) return;
        nodePools.useArm({
          endpoint: demo.sim.armEndpoint,
          credential: createAzureCredential(demo.sources.azure.credential),
          caPem: demo.sim.caPem,
        });
      },
    });
  },
});
