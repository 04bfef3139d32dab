import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  simulatorAppConfig,
  startAksSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '@winready/aks-simulator';
import {
  parseFleet,
  type Fleet,
} from '@winready/plugin-windows-readiness-common';
import { readSourcesConfig, type SourcesConfig } from '../config/sourcesConfig';

export const DEMO_FLEET_PATH = resolve(
  __dirname,
  '../../../../examples/fleets/demo.yaml',
);

export function loadDemoFleet(): Fleet {
  return parseFleet(readFileSync(DEMO_FLEET_PATH, 'utf8'), 'demo.yaml');
}

/** The demo fleet served by a simulator, and the sources config pointing at it. */
export async function startDemoSimulator(
  options: Partial<SimulatorOptions> = {},
): Promise<{ sim: RunningSimulator; fleet: Fleet; config: SourcesConfig }> {
  const fleet = loadDemoFleet();
  const sim = await startAksSimulator({ fleet, quiet: true, ...options });
  const appConfig = simulatorAppConfig(sim, fleet) as any;
  // In process: the CA goes in as PEM, not as a file.
  const config = readSourcesConfig(new ConfigReader(appConfig));
  return { sim, fleet, config };
}
