import { X509Certificate } from 'node:crypto';
import { parse } from 'yaml';
import { DEMO, loadDemoFleet, trustingFetch } from './__testUtils__/simulator';
import { startAksSimulator } from './startAksSimulator';

describe('startAksSimulator', () => {
  it.each(['0.0.0.0', '10.1.2.3', '::'])(
    'refuses to listen on %s',
    async host => {
      await expect(
        startAksSimulator({ fleet: loadDemoFleet(), host, quiet: true }),
      ).rejects.toThrow(/loopback only/);
    },
  );

  it.each([
    [{ agentPoolPageSize: 0 }, /agentPoolPageSize/],
    [{ kubernetesPageLimitMax: 1.5 }, /kubernetesPageLimitMax/],
    [{ asyncOperationPolls: -1 }, /asyncOperationPolls/],
  ])('refuses the options %j', async (options, message) => {
    await expect(
      startAksSimulator({ fleet: loadDemoFleet(), quiet: true, ...options }),
    ).rejects.toThrow(message);
  });

  it('describes itself: one URL, a CA for 127.0.0.1 and localhost, kubeconfigs', async () => {
    const sim = await startAksSimulator({
      fleet: loadDemoFleet(),
      quiet: true,
      kubernetesToken: 'tok',
    });
    try {
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.armEndpoint).toBe(sim.url);
      expect(sim.registryEndpoint).toBe(sim.url);
      expect(sim.kubernetesServer('aks-weu-legacy')).toBe(
        `${sim.url}/clusters/aks-weu-legacy`,
      );
      const certificate = new X509Certificate(sim.caPem);
      expect(certificate.subjectAltName).toContain('IP Address:127.0.0.1');
      expect(certificate.subjectAltName).toContain('DNS:localhost');
      expect(certificate.ca).toBe(true);

      const kubeconfig = parse(sim.kubeconfig('aks-weu-legacy'));
      expect(kubeconfig['current-context']).toBe('aks-weu-legacy');
      expect(kubeconfig.clusters[0].cluster.server).toBe(
        sim.kubernetesServer('aks-weu-legacy'),
      );
      expect(
        Buffer.from(
          kubeconfig.clusters[0].cluster['certificate-authority-data'],
          'base64',
        ).toString(),
      ).toBe(sim.caPem);
      expect(kubeconfig.users[0]).toEqual({
        name: 'clusterUser_rg-legacy_aks-weu-legacy',
        user: { token: 'tok' },
      });
      expect(() => sim.kubeconfig('nope')).toThrow(/no cluster named "nope"/);

      const pools = sim.agentPools('aks-weu-legacy');
      expect(pools.map(p => p.name)).toEqual(['system', 'npwin']);
      pools[0].count = 99;
      expect(sim.agentPools('aks-weu-legacy')[0].count).toBe(2);
    } finally {
      await sim.stop();
    }
  });

  it('speaks the raw async operation protocol, failing the first create when told to', async () => {
    const sim = await startAksSimulator({
      fleet: loadDemoFleet(),
      quiet: true,
      failNextAgentPoolCreate: {
        code: 'QuotaExceeded',
        message: 'no cores left',
      },
    });
    const call = trustingFetch(sim);
    const headers = {
      authorization: 'Bearer x',
      'content-type': 'application/json',
    };
    const pool = `/subscriptions/${DEMO.subscription}/resourceGroups/rg-legacy/providers/Microsoft.ContainerService/managedClusters/aks-weu-legacy/agentPools/npw2?api-version=2025-10-01`;
    const body = JSON.stringify({
      properties: { osType: 'Windows', osSKU: 'Windows2022', count: 1 },
    });
    try {
      const created = await call(pool, { method: 'PUT', headers, body });
      expect(created.status).toBe(201);
      expect(((await created.json()) as any).properties.provisioningState).toBe(
        'Creating',
      );
      const operation = created.headers.get('azure-asyncoperation')!;
      expect(operation).toMatch(
        new RegExp(
          `^${sim.url}/subscriptions/${DEMO.subscription}/providers/Microsoft.ContainerService/locations/westeurope/operations/[0-9a-f-]+\\?api-version=2025-10-01$`,
        ),
      );
      // Nodes appear only once the pool is created.
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await (await call(operation, { headers })).json()) as any,
        );
      }
      expect(statuses.map(s => s.status)).toEqual([
        'InProgress',
        'InProgress',
        'Failed',
      ]);
      expect(statuses[2].error).toEqual({
        code: 'QuotaExceeded',
        message: 'no cores left',
      });
      const failed = await (await call(pool, { headers })).json();
      expect((failed as any).properties.provisioningState).toBe('Failed');

      // Updating it again works: 200, Updating, then Succeeded.
      const updated = await call(pool, { method: 'PUT', headers, body });
      expect(updated.status).toBe(200);
      expect(((await updated.json()) as any).properties.provisioningState).toBe(
        'Updating',
      );
      const again = updated.headers.get('azure-asyncoperation')!;
      for (let i = 0; i < 3; i++) await call(again, { headers });
      const pools = await (
        await call('/_simulator/clusters/aks-weu-legacy/agent-pools')
      ).json();
      expect((pools as any[]).map(p => p.name)).toContain('npw2');
      expect(sim.requestCounts()).toMatchObject({
        'arm.agentPools.put': 2,
        'arm.operations.get': 6,
      });
    } finally {
      await call.close();
      await sim.stop();
    }
  });
});
