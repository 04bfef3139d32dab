/**
 * Child process of `yarn bench:api`: the AKS simulator serving the generated
 * fleet (argv[2], JSON) on loopback HTTPS. It answers over IPC with what the
 * backend's config needs, then serves until SIGTERM or until the parent goes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Fleet } from '@winready/plugin-windows-readiness-common';
import {
  simulatorAppConfig,
  startAksSimulator,
  type RunningSimulator,
} from '@winready/aks-simulator';
import { runChildMain } from '../shared/runMain';

export interface SimulatorReady {
  type: 'ready';
  url: string;
  caPem: string;
  kubernetesToken: string;
  /** Cluster name -> its Kubernetes API server URL. */
  kubernetesServers: Record<string, string>;
  /** The `windowsReadiness` fragment pointing the plugin's sources here. */
  appConfig: ReturnType<typeof simulatorAppConfig>;
}

async function main() {
  const [fleetFile, caFile] = process.argv.slice(2);
  // The generated fleet is JSON: JSON.parse is much lighter than the CLI's YAML parse.
  const fleet = JSON.parse(readFileSync(fleetFile, 'utf8')) as Fleet;
  const sim: RunningSimulator = await startAksSimulator({ fleet, quiet: true });
  writeFileSync(caFile, sim.caPem);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const hard = setTimeout(() => process.exit(1), 3000);
    hard.unref();
    sim.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
  const ready: SimulatorReady = {
    type: 'ready',
    url: sim.url,
    caPem: sim.caPem,
    kubernetesToken: sim.kubernetesToken,
    kubernetesServers: Object.fromEntries(
      fleet.clusters.map(c => [c.name, sim.kubernetesServer(c.name)]),
    ),
    appConfig: simulatorAppConfig(sim, fleet, { caFile }),
  };
  process.send?.(ready);
}

runChildMain(main);
