import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import {
  parseFleet,
  type Fleet,
} from '@winready/plugin-windows-readiness-common';
import { Agent, fetch, type RequestInit } from 'undici';
import type { RunningSimulator } from '../startAksSimulator';

/** examples/fleets/demo.yaml. */
export const DEMO_FLEET_PATH = resolve(
  __dirname,
  '../../../../examples/fleets/demo.yaml',
);

export function loadDemoFleet(): Fleet {
  return parseFleet(readFileSync(DEMO_FLEET_PATH, 'utf8'), DEMO_FLEET_PATH);
}

/** The demo fleet's coordinates in ARM. */
export const DEMO = {
  subscription: '00000000-0000-0000-0000-000000000001',
  legacy: { resourceGroup: 'rg-legacy', cluster: 'aks-weu-legacy' },
  modern: { resourceGroup: 'rg-modern', cluster: 'aks-neu-modern' },
  batch: { resourceGroup: 'rg-batch', cluster: 'aks-weu-batch' },
  linux: {
    subscription: '00000000-0000-0000-0000-000000000000',
    resourceGroup: 'rg-aks-eus-linux',
    cluster: 'aks-eus-linux',
  },
};

type TokenCredential = ConstructorParameters<typeof ContainerServiceClient>[0];

/** Any TokenCredential will do: the simulator wants a non-empty bearer token. */
export const fakeCredential: TokenCredential = {
  getToken: async () => ({
    token: 'fake-entra-token',
    expiresOnTimestamp: Date.now() + 3600_000,
  }),
};

/**
 * The real Azure SDK pointed at the simulator. Trusting its certificate takes
 * `tlsOptions: { ca }` (core-rest-pipeline's tlsPolicy sets
 * request.tlsSettings, from which the Node HTTP client builds its agent).
 */
export function armClient(
  sim: RunningSimulator,
  subscriptionId = DEMO.subscription,
  options: ConstructorParameters<typeof ContainerServiceClient>[2] = {},
): ContainerServiceClient {
  return new ContainerServiceClient(fakeCredential, subscriptionId, {
    endpoint: sim.url,
    tlsOptions: { ca: sim.caPem },
    ...options,
  });
}

/** undici fetch trusting the simulator's certificate (one agent per sim). */
export function trustingFetch(sim: RunningSimulator) {
  const dispatcher = new Agent({ connect: { ca: sim.caPem } });
  const call = (path: string, init: RequestInit = {}) =>
    fetch(path.startsWith('https://') ? path : `${sim.url}${path}`, {
      ...init,
      dispatcher,
    });
  call.close = () => dispatcher.close();
  return call;
}
