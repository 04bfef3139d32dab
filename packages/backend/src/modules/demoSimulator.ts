import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { windowsReadinessSourcesExtensionPoint } from '@winready/plugin-windows-readiness-node';
import { demoFleetSimulator } from './demoFleetSimulator';

/**
 * The embedded demo: when `windowsReadiness.demo.fleetFile` is set, serve that
 * fleet from the AKS simulator on loopback and point the real sources at it.
 */
export default createBackendModule({
  pluginId: 'windows-readiness',
  moduleId: 'demo-simulator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
        sources: windowsReadinessSourcesExtensionPoint,
      },
      async init({ sources, ...deps }) {
        const demo = await demoFleetSimulator(deps);
        if (demo) sources.useSourcesConfig(demo.sources);
      },
    });
  },
});
