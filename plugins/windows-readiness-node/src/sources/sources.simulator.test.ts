import {
  evaluateFleet,
  type KubernetesObject,
} from '@winready/plugin-windows-readiness-common';
import { createAzureCredential } from '../azure/createAzureCredential';
import { OciRegistryClient } from '../registry';
import { SnapshotBuilder } from '../snapshot/SnapshotBuilder';
import { startDemoSimulator } from '../__testUtils__/demoSimulator';
import { AksClusterLocator } from './aks/AksClusterLocator';
import { KubernetesObjectReader } from './kubernetes/KubernetesObjectReader';

jest.setTimeout(30_000);

type Started = Awaited<ReturnType<typeof startDemoSimulator>>;

async function withSimulator(
  options: Parameters<typeof startDemoSimulator>[0],
  test: (started: Started) => Promise<void>,
) {
  const started = await startDemoSimulator(options);
  try {
    await test(started);
  } finally {
    await started.sim.stop();
  }
}

function locator({ sim, config }: Started) {
  return new AksClusterLocator({
    credential: createAzureCredential(config.azure!.credential),
    config: config.azure!,
    caPem: sim.caPem,
  });
}

function images({ sim, config }: Started) {
  return new OciRegistryClient({
    allowHosts: config.registries.allow,
    mirrors: config.registries.mirrors,
    ca: sim.caPem,
    timeoutMs: 2_000,
    retries: 0,
  });
}

const countKind = (objects: KubernetesObject[], kind: string) =>
  objects.filter(o => o.kind === kind).length;

describe('live sources against the AKS simulator (real Azure SDK, client-node, registry client)', () => {
  it('lists clusters and every agent pool across nextLink pages', () =>
    withSimulator(
      { agentPoolPageSize: 1, managedClusterPageSize: 1 },
      async started => {
        const located = await locator(started).locate();
        expect(located.errors).toEqual([]);
        expect(located.clusters.map(c => c.name).sort()).toEqual([
          'aks-eus-linux',
          'aks-neu-modern',
          'aks-weu-batch',
          'aks-weu-legacy',
        ]);
        // Locating reads no pool: whoever collects a cluster reads its pools.
        expect(started.sim.requestCounts()['arm.agentPools.list']).toBe(
          undefined,
        );
        const modern = located.clusters.find(c => c.name === 'aks-neu-modern')!;
        expect(modern.nodePools).toBeUndefined();
        const pools = await modern.readPools!();
        expect(pools.map(p => p.name)).toEqual(
          started.fleet.clusters[1].nodePools.map(p => p.name),
        );
        expect(pools.find(p => p.name === 'npw22')).toMatchObject({
          osType: 'Windows',
          osSku: 'Windows2022',
          taints: ['os=windows:NoSchedule'],
        });
        // One page a pool.
        expect(started.sim.requestCounts()['arm.agentPools.list']).toBe(
          pools.length,
        );
      },
    ));

  it('retries ARM after a 429 with Retry-After', () =>
    withSimulator({}, async started => {
      started.sim.setFault('arm', {
        status: 429,
        retryAfterSeconds: 1,
        count: 1,
      });
      const located = await locator(started).locate();
      expect(located.errors).toEqual([]);
      expect(located.clusters).toHaveLength(4);
    }));

  it('records a malformed ARM answer as an error of that subscription', () =>
    withSimulator({}, async started => {
      started.sim.setFault('arm', { malformed: true });
      const located = await locator(started).locate();
      expect(located.clusters).toEqual([]);
      expect(located.errors.length).toBeGreaterThan(0);
      expect(located.errors[0]).toMatchObject({
        source: 'aks',
        errorType: 'MALFORMED_RESPONSE',
      });
    }));

  it('reads every object a page at a time, within namespaces and label selectors', () =>
    withSimulator({}, async started => {
      const [target] = (await locator(started).locate()).clusters.filter(
        c => c.name === 'aks-weu-legacy',
      );
      const connection = await target.connect();
      const all = await new KubernetesObjectReader({ pageSize: 1 }).read(
        connection,
      );
      const fleetObjects = started.fleet.clusters[0].objects ?? [];
      expect(all.errors).toEqual([]);
      expect(countKind(all.objects, 'Pod')).toBe(
        countKind(fleetObjects, 'Pod'),
      );
      expect(countKind(all.objects, 'Node')).toBe(4);
      // One pod a page: one request per pod shows the reader followed `continue`.
      expect(started.sim.requestCounts()['kubernetes.pods.list']).toBe(
        countKind(fleetObjects, 'Pod'),
      );
      const scoped = await new KubernetesObjectReader({
        namespaces: ['orders'],
        labelSelector: 'backstage.io/kubernetes-id',
      }).read(connection);
      const names = scoped.objects
        .filter(o => o.kind === 'Deployment')
        .map(o => o.metadata?.name);
      expect(names.sort()).toEqual(['orders', 'orders-legacy']);
      expect(countKind(scoped.objects, 'Node')).toBe(4);
    }));

  it('times out a hung cluster and keeps the others', () =>
    withSimulator({}, async started => {
      started.sim.setFault('kubernetes:aks-neu-modern', { hang: true });
      const fleet = await new SnapshotBuilder({
        locators: [locator(started)],
        reader: new KubernetesObjectReader(),
        images: images(started),
        clusterTimeoutMs: 1_000,
      }).build();
      const modern = fleet.clusters.find(c => c.name === 'aks-neu-modern')!;
      expect(modern.errors).toEqual([
        expect.objectContaining({ errorType: 'TIMEOUT' }),
      ]);
      expect(modern.nodePools).toHaveLength(6);
      const legacy = fleet.clusters.find(c => c.name === 'aks-weu-legacy')!;
      expect(legacy.errors).toEqual([]);
      expect(legacy.objects!.length).toBeGreaterThan(5);
    }));

  it('turns a registry that is down into unknown images, not Linux ones', () =>
    withSimulator({}, async started => {
      started.sim.setFault('registry', { status: 500 });
      const fleet = await new SnapshotBuilder({
        locators: [locator(started)],
        reader: new KubernetesObjectReader(),
        images: images(started),
      }).build();
      const records = Object.values(fleet.images ?? {});
      expect(records.length).toBeGreaterThan(10);
      expect(records.every(r => r.error && r.platforms.length === 0)).toBe(
        true,
      );
      const result = evaluateFleet(fleet, { asOf: new Date('2026-11-27') });
      const orders = result.services.find(s => s.id === 'orders')!;
      expect(orders.checks.find(c => c.id === 'image-os-build')!.result).toBe(
        'unknown',
      );
    }));
});
