import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { simulatorAppConfig, startAksSimulator } from '@winready/aks-simulator';
import { parseFleet } from '@winready/plugin-windows-readiness-common';
import {
  readSourcesConfig,
  windowsReadinessSourcesExtensionPoint,
} from '@winready/plugin-windows-readiness-node';

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
        logger: coreServices.logger,
        lifecycle: coreServices.rootLifecycle,
        sources: windowsReadinessSourcesExtensionPoint,
      },
      async init({ config, logger, lifecycle, sources }) {
        const fleetFile = config.getOptionalString(
          'windowsReadiness.demo.fleetFile',
        );
        if (!fleetFile) return;
        const path = resolve(fleetFile);
        const fleet = parseFleet(readFileSync(path, 'utf8'), path);
        const sim = await startAksSimulator({
          fleet,
          port: config.getOptionalNumber('windowsReadiness.demo.port') ?? 0,
          quiet: true,
        });
        const caDir = mkdtempSync(join(tmpdir(), 'winready-demo-'));
        const caFile = join(caDir, 'ca.pem');
        writeFileSync(caFile, sim.caPem);
        sources.useSourcesConfig(
          readSourcesConfig(
            new ConfigReader(simulatorAppConfig(sim, fleet, { caFile }) as any),
          ),
        );
        lifecycle.addShutdownHook(async () => {
          await sim.stop();
          rmSync(caDir, { recursive: true, force: true });
        });
        logger.info(
          `Windows readiness demo: AKS simulator on ${sim.url} serving ${path}`,
        );
      },
    });
  },
});
