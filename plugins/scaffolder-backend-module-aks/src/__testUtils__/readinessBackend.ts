/**
 * The windows-readiness backend plugin for a scaffolder test backend, reading
 * examples/fleets/demo.yaml from the AKS simulator, so that
 * `windows-readiness:check` calls a real preflight route.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import {
  simulatorAppConfig,
  startAksSimulator,
  type RunningSimulator,
} from '@winready/aks-simulator';
// A test of this module runs the real readiness backend beside the scaffolder.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { windowsReadinessTestFeatures } from '@winready/plugin-windows-readiness-backend/testUtils';
import { parseFleet } from '@winready/plugin-windows-readiness-common';
import { readSourcesConfig } from '@winready/plugin-windows-readiness-node';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';

const EXAMPLES = resolve(__dirname, '../../../../examples');

/** The demo's catalog entities: the refresh describes their workloads' images. */
export function demoEntities(): Entity[] {
  return parseAllDocuments(
    readFileSync(join(EXAMPLES, 'entities.yaml'), 'utf8'),
  )
    .map(doc => doc.toJSON() as Entity)
    .filter(Boolean)
    .map(entity => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
    }));
}

/** The day the demo's verdicts are written for: dates count from it, whatever the day the test runs. */
export const DEMO_NOW = new Date('2026-11-27T12:00:00Z');

export interface ReadinessOnSimulator {
  sim: RunningSimulator;
  /** The readiness plugin and a module pointing its sources at the simulator. */
  features: BackendFeature[];
  stop(): Promise<void>;
}

export async function readinessOnSimulator(): Promise<ReadinessOnSimulator> {
  const path = join(EXAMPLES, 'fleets/demo.yaml');
  const fleet = parseFleet(readFileSync(path, 'utf8'), path);
  const sim = await startAksSimulator({ fleet, quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'winready-scaffolder-test-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, sim.caPem);
  const sources = readSourcesConfig(
    new ConfigReader(simulatorAppConfig(sim, fleet, { caFile }) as any),
  );
  return {
    sim,
    features: windowsReadinessTestFeatures({ sources, now: DEMO_NOW }),
    stop: async () => {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One refresh of the readiness backend, waited for (bounded). */
export async function refreshReadiness(server: Parameters<typeof request>[0]) {
  const auth = mockCredentials.user.header();
  const api = '/api/windows-readiness/v1';
  await request(server).post(`${api}/refresh`).set('Authorization', auth);
  for (let i = 0; i < 600; i++) {
    const status = await request(server)
      .get(`${api}/status`)
      .set('Authorization', auth);
    if (status.body.lastRefresh?.finishedAt) return;
    await new Promise(done => setTimeout(done, 50));
  }
  throw new Error('the readiness refresh did not finish');
}
