import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  simulatorAppConfig,
  startAksSimulator,
  type RunningSimulator,
} from '@winready/aks-simulator';
import {
  parseFleet,
  type Fleet,
} from '@winready/plugin-windows-readiness-common';
import { cli } from '../__testUtils__/cli';
import { tempDir } from '../__testUtils__/files';

const DEMO = path.resolve(__dirname, '../../../../examples/fleets/demo.yaml');
const AT = ['--at', '2026-11-27'];

jest.setTimeout(60_000);

/** Verdicts that must not depend on where the fleet came from. */
function verdicts(json: string) {
  const result = JSON.parse(json);
  return {
    services: result.services.map((s: any) => ({
      id: s.id,
      status: s.status,
      checks: s.checks.map((c: any) => [c.id, c.result, c.message]),
    })),
    clusters: result.clusters
      .map((c: any) => ({
        name: c.name,
        checks: c.checks.map((k: any) => [k.id, k.result]),
        pools: c.pools.map((p: any) => [
          p.name,
          p.osSku ?? null,
          p.windowsBuild ?? null,
          p.taints,
        ]),
      }))
      .sort((a: any, b: any) => a.name.localeCompare(b.name)),
  };
}

describe('winready --live against the AKS simulator', () => {
  let sim: RunningSimulator;
  let fleet: Fleet;
  const scratch = tempDir();
  let configFile: string;

  beforeAll(async () => {
    fleet = parseFleet(fs.readFileSync(DEMO, 'utf8'), DEMO);
    sim = await startAksSimulator({ fleet, quiet: true });
    const caFile = scratch.write('ca.pem', sim.caPem);
    configFile = scratch.write(
      'app-config.yaml',
      stringify(simulatorAppConfig(sim, fleet, { caFile })),
    );
  });

  afterAll(async () => {
    await sim.stop();
    scratch.remove();
  });

  it('gives the same verdicts as the fleet file, through the real clients', async () => {
    const fromFile = await cli('evaluate', DEMO, '--format', 'json', ...AT);
    const live = await cli(
      'evaluate',
      '--live',
      '--config',
      configFile,
      '--format',
      'json',
      ...AT,
    );
    expect(live.code).toBe(0);
    expect(verdicts(live.stdout)).toEqual(verdicts(fromFile.stdout));
    expect(live.stderr).toMatch(/found 4 cluster\(s\)/);
    expect(live.stderr).toMatch(/collected 4\/4 clusters/);
    // Rule 5 on live data: the taints and OS SKU come from the Node objects.
    const batch = JSON.parse(live.stdout).clusters.find(
      (c: any) => c.name === 'aks-weu-batch',
    );
    expect(batch.pools.find((p: any) => p.name === 'win')).toMatchObject({
      osSku: 'Windows2025',
      taints: ['sku=win:NoSchedule'],
    });
    const counts = sim.requestCounts();
    expect(counts['arm.agentPools.list']).toBeGreaterThanOrEqual(3);
    expect(counts['kubernetes.pods.list']).toBeGreaterThanOrEqual(3);
    expect(counts['registry.manifests']).toBeGreaterThan(0);
  });

  it('what-if works on live data too', async () => {
    const live = await cli(
      'what-if',
      '--live',
      '--config',
      configFile,
      '--cluster',
      'aks-weu-legacy',
      '--pool',
      'npwin',
      '--os-sku',
      'Windows2022',
      '--format',
      'json',
      ...AT,
    );
    expect(live.code).toBe(0);
    expect(JSON.parse(live.stdout).impacted.map((i: any) => i.id)).toEqual([
      'orders',
    ]);
  });

  it('keeps the other clusters when one cluster is down', async () => {
    sim.setFault('kubernetes:aks-neu-modern', { status: 500 });
    try {
      const live = await cli(
        'evaluate',
        '--live',
        '--config',
        configFile,
        '--format',
        'json',
        ...AT,
      );
      const result = JSON.parse(live.stdout);
      const modern = result.clusters.find(
        (c: any) => c.name === 'aks-neu-modern',
      );
      expect(modern.errors[0]).toMatchObject({
        source: 'kubernetes',
        statusCode: 500,
      });
      expect(result.services.map((s: any) => s.id)).toEqual(
        expect.arrayContaining(['orders-legacy', 'catalog-web', 'storefront']),
      );
      expect(live.stderr).toMatch(/aks-neu-modern: kubernetes/);
    } finally {
      sim.setFault('kubernetes:aks-neu-modern', undefined);
    }
  });
});
