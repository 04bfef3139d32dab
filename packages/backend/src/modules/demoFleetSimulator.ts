import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type {
  LoggerService,
  RootConfigService,
  RootLifecycleService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import {
  simulatorAppConfig,
  startAksSimulator,
  type RunningSimulator,
} from '@winready/aks-simulator';
import { parseFleet } from '@winready/plugin-windows-readiness-common';
import {
  readSourcesConfig,
  type SourcesConfig,
} from '@winready/plugin-windows-readiness-node';

/** The demo's simulator and the sources config that points at it. */
export interface DemoFleetSimulator {
  sim: RunningSimulator;
  sources: SourcesConfig;
}

let running: Promise<DemoFleetSimulator | undefined> | undefined;

/**
 * Starts the simulator for `windowsReadiness.demo.fleetFile` once per
 * process: the readiness plugin reads it and the scaffolder's node pool
 * action writes to it, so both must see the same one.
 */
export function demoFleetSimulator(deps: {
  config: RootConfigService;
  logger: LoggerService;
  lifecycle: RootLifecycleService;
}): Promise<DemoFleetSimulator | undefined> {
  running ??= start(deps);
  return running;
}

async function start({
  config,
  logger,
  lifecycle,
}: Parameters<typeof demoFleetSimulator>[0]) {
  const fleetFile = config.getOptionalString('windowsReadiness.demo.fleetFile');
  if (!fleetFile) return undefined;
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
  lifecycle.addShutdownHook(async () => {
    await sim.stop();
    rmSync(caDir, { recursive: true, force: true });
  });
  logger.info(
    `Windows readiness demo: AKS simulator on ${sim.url} serving ${path}`,
  );
  const sources = readSourcesConfig(
    new ConfigReader(simulatorAppConfig(sim, fleet, { caFile }) as any),
  );
  return { sim, sources };
}
