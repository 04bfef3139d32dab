/**
 * Child process of `yarn bench:scale`: generates the fleet in this process
 * from its options (argv[2], JSON; no fleet file is written), writes the
 * catalog's Components (one per `backstage.io/kubernetes-id`) for the
 * replicas, and serves the fleet from the AKS simulator on loopback HTTPS.
 * Asked `{ type: 'evaluate', asOf }`, it judges the fleet it holds with
 * `evaluateFleet` and answers with each service's status. Serves until
 * SIGTERM or until the parent goes.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { evaluateFleet } from '@winready/plugin-windows-readiness-common';
import { simulatorAppConfig, startAksSimulator } from '@winready/aks-simulator';
import {
  fleetStats,
  generateFleet,
  type FleetStats,
  type GenerateFleetOptions,
} from '../fleet';
import { fleetServices } from '../api/setup';
import { runChildMain } from '../shared/runMain';

export interface SimulatorReady {
  type: 'ready';
  clusters: string[];
  services: number;
  stats: FleetStats;
  generateMs: number;
  /** The `windowsReadiness` sources fragment pointing at this simulator. */
  appConfig: ReturnType<typeof simulatorAppConfig>;
}

export interface FleetEvaluated {
  type: 'evaluated';
  asOf: string;
  /** Service id (`backstage.io/kubernetes-id`) and its status, sorted by id. */
  statuses: Array<[string, string]>;
}

async function main() {
  const [optionsJson, caFile, entitiesFile] = process.argv.slice(2);
  const options = JSON.parse(optionsJson) as GenerateFleetOptions;
  const start = performance.now();
  const fleet = generateFleet(options);
  const generateMs = performance.now() - start;
  const services = fleetServices(fleet);
  writeFileSync(
    entitiesFile,
    JSON.stringify(
      services.map(service => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: service.id,
          namespace: 'default',
          annotations: { 'backstage.io/kubernetes-id': service.id },
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: `group:default/${service.team}`,
        },
      })),
    ),
  );
  const sim = await startAksSimulator({ fleet, quiet: true });
  writeFileSync(caFile, sim.caPem);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 3000).unref();
    sim.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
  process.on('message', (message: any) => {
    if (message?.type !== 'evaluate') return;
    const result = evaluateFleet(fleet, { asOf: new Date(message.asOf) });
    const evaluated: FleetEvaluated = {
      type: 'evaluated',
      asOf: result.asOf,
      statuses: result.services.map(service => [service.id, service.status]),
    };
    process.send?.(evaluated);
  });
  const ready: SimulatorReady = {
    type: 'ready',
    clusters: fleet.clusters.map(cluster => cluster.name),
    services: services.length,
    stats: fleetStats(fleet),
    generateMs,
    appConfig: simulatorAppConfig(sim, fleet, { caFile }),
  };
  process.send?.(ready);
}

runChildMain(main);
