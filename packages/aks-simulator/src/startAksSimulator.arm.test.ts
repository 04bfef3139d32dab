import https from 'node:https';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import { parse } from 'yaml';
import {
  armClient,
  DEMO,
  fakeCredential,
  loadDemoFleet,
  trustingFetch,
} from './__testUtils__/simulator';
import { startAksSimulator, type RunningSimulator } from './startAksSimulator';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('ARM through @azure/arm-containerservice', () => {
  let sim: RunningSimulator;
  let client: ContainerServiceClient;

  beforeAll(async () => {
    sim = await startAksSimulator({
      fleet: loadDemoFleet(),
      quiet: true,
      agentPoolPageSize: 1,
      managedClusterPageSize: 1,
      asyncOperationPolls: 2,
    });
    client = armClient(sim);
  });
  afterAll(() => sim.stop());
  beforeEach(() => {
    sim.resetRequestCounts();
    sim.setFault('arm', undefined);
  });

  it('lists the managed clusters of a subscription, following nextLink', async () => {
    const clusters = await collect(client.managedClusters.list());
    expect(clusters.map(c => c.name)).toEqual([
      DEMO.legacy.cluster,
      DEMO.modern.cluster,
      DEMO.batch.cluster,
    ]);
    // Page size 1: one request per cluster, the SDK followed nextLink.
    expect(sim.requestCounts()['arm.managedClusters.list']).toBe(3);
    const legacy = clusters[0];
    expect(legacy).toMatchObject({
      id: `/subscriptions/${DEMO.subscription}/resourcegroups/rg-legacy/providers/Microsoft.ContainerService/managedClusters/aks-weu-legacy`,
      location: 'westeurope',
      type: 'Microsoft.ContainerService/ManagedClusters',
      kubernetesVersion: '1.31.5',
      currentKubernetesVersion: '1.31.5',
      provisioningState: 'Succeeded',
      powerState: { code: 'Running' },
      nodeResourceGroup: 'MC_rg-legacy_aks-weu-legacy_westeurope',
    });
    expect(legacy.fqdn).toMatch(/\.hcp\.westeurope\.azmk8s\.io$/);
    expect(
      legacy.agentPoolProfiles?.map(p => [p.name, p.osType, p.osSKU]),
    ).toEqual([
      ['system', 'Linux', 'Ubuntu'],
      ['npwin', 'Windows', 'Windows2019'],
    ]);
  });

  it('reports the OS SKU the fleet’s Node objects say when the pool gives none (docs/rules.md rule 5)', async () => {
    const pools = await collect(
      client.agentPools.list(DEMO.batch.resourceGroup, DEMO.batch.cluster),
    );
    const win = pools.find(p => p.name === 'win')!;
    // Kubernetes 1.33 would default to Windows2022; the nodes run 2025.
    expect(win).toMatchObject({ osType: 'Windows', osSKU: 'Windows2025' });
    // Their taints were set with kubectl, not through ARM.
    expect(win.nodeTaints).toBeUndefined();
  });

  it('lists by resource group, and clusters without an azure block get the defaults', async () => {
    const modern = await collect(
      client.managedClusters.listByResourceGroup('RG-MODERN'),
    );
    expect(modern.map(c => c.name)).toEqual([DEMO.modern.cluster]);
    const linux = await collect(
      armClient(sim, DEMO.linux.subscription).managedClusters.list(),
    );
    expect(linux.map(c => [c.name, c.location])).toEqual([
      ['aks-eus-linux', 'westeurope'],
    ]);
    expect(linux[0].id).toContain('/resourcegroups/rg-aks-eus-linux/');
  });

  it('lists agent pools page by page (page size 1) with the ARM fields', async () => {
    const pools = await collect(
      client.agentPools.list(DEMO.modern.resourceGroup, DEMO.modern.cluster),
    );
    expect(pools.map(p => p.name)).toEqual([
      'system',
      'nplinux',
      'npw22',
      'npw25',
      'npwan',
      'npnext',
    ]);
    expect(sim.requestCounts()['arm.agentPools.list']).toBe(6);
    expect(pools.find(p => p.name === 'npw22')).toMatchObject({
      type: 'Microsoft.ContainerService/managedClusters/agentPools',
      osType: 'Windows',
      osSKU: 'Windows2022',
      mode: 'User',
      count: 3,
      vmSize: 'Standard_D8s_v5',
      orchestratorVersion: '1.33.2',
      currentOrchestratorVersion: '1.33.2',
      nodeImageVersion: 'AKSWindows-2022-containerd-20348.4294.251027',
      nodeTaints: ['os=windows:NoSchedule'],
      provisioningState: 'Succeeded',
      powerState: { code: 'Running' },
    });
  });

  it('gets one cluster and answers 404 ResourceNotFound for another', async () => {
    const cluster = await client.managedClusters.get(
      DEMO.legacy.resourceGroup,
      DEMO.legacy.cluster,
    );
    expect(cluster.name).toBe(DEMO.legacy.cluster);
    await expect(
      client.managedClusters.get(DEMO.legacy.resourceGroup, 'nope'),
    ).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  });

  it('creates a Windows pool, polling Azure-AsyncOperation until Succeeded', async () => {
    const created = await client.agentPools.beginCreateOrUpdateAndWait(
      DEMO.modern.resourceGroup,
      DEMO.modern.cluster,
      'npw3',
      {
        osType: 'Windows',
        osSKU: 'Windows2025',
        mode: 'User',
        count: 2,
        vmSize: 'Standard_D4s_v5',
        nodeTaints: ['os=windows:NoSchedule'],
        nodeLabels: { team: 'payments' },
      },
      { updateIntervalInMs: 1 },
    );
    expect(created).toMatchObject({
      name: 'npw3',
      provisioningState: 'Succeeded',
      osSKU: 'Windows2025',
      count: 2,
    });
    expect(created.nodeImageVersion).toMatch(
      /^AKSWindows-2025-gen2-26100\.\d+\.\d{6}$/,
    );
    const counts = sim.requestCounts();
    expect(counts['arm.agentPools.put']).toBe(1);
    // Two InProgress answers, then Succeeded.
    expect(counts['arm.operations.get']).toBe(3);
    expect(sim.agentPools(DEMO.modern.cluster).map(p => p.name)).toContain(
      'npw3',
    );
  });

  it('reports a failed operation as the SDK error and leaves the pool Failed', async () => {
    sim.failNextAgentPoolOperation(
      'ReconcileVMSSAgentPoolFailed',
      'simulated VMSS failure',
    );
    await expect(
      client.agentPools.beginCreateOrUpdateAndWait(
        DEMO.modern.resourceGroup,
        DEMO.modern.cluster,
        'npfail',
        { osType: 'Windows', osSKU: 'Windows2022', mode: 'User', count: 1 },
        { updateIntervalInMs: 1 },
      ),
    ).rejects.toThrow(
      // core-lro throws a plain Error; the ARM code is only in the message.
      'The long-running operation has failed. ReconcileVMSSAgentPoolFailed. simulated VMSS failure',
    );
    const pool = await client.agentPools.get(
      DEMO.modern.resourceGroup,
      DEMO.modern.cluster,
      'npfail',
    );
    expect(pool.provisioningState).toBe('Failed');
  });

  it.each([
    [
      'a 7-character Windows name',
      'npwin22',
      { osType: 'Windows', mode: 'User' },
    ],
    ['a Windows System pool', 'npsys', { osType: 'Windows', mode: 'System' }],
    ['a Linux SKU on Windows', 'npbad', { osType: 'Windows', osSKU: 'Ubuntu' }],
    ['a count over 1000', 'npbig', { osType: 'Linux', count: 1001 }],
  ])('refuses %s with 400', async (_what, name, pool) => {
    await expect(
      client.agentPools.beginCreateOrUpdateAndWait(
        DEMO.modern.resourceGroup,
        DEMO.modern.cluster,
        name,
        pool as any,
        { updateIntervalInMs: 1 },
      ),
    ).rejects.toMatchObject({ statusCode: 400 });
    expect(sim.agentPools(DEMO.modern.cluster).map(p => p.name)).not.toContain(
      name,
    );
  });

  it('returns the cluster user kubeconfig, base64 as ARM does', async () => {
    const result = await client.managedClusters.listClusterUserCredentials(
      DEMO.legacy.resourceGroup,
      DEMO.legacy.cluster,
    );
    expect(result.kubeconfigs?.[0].name).toBe('clusterUser');
    const kubeconfig = parse(
      Buffer.from(result.kubeconfigs![0].value!).toString('utf8'),
    );
    expect(kubeconfig.clusters[0].cluster.server).toBe(
      sim.kubernetesServer(DEMO.legacy.cluster),
    );
    expect(kubeconfig.users[0].user.token).toBe(sim.kubernetesToken);
    expect(sim.requestCounts()['arm.listClusterUserCredential']).toBe(1);
  });

  it('also trusts the CA through a pipeline policy that sets request.agent', async () => {
    const agent = new https.Agent({ ca: sim.caPem });
    const viaAgent = new ContainerServiceClient(
      fakeCredential,
      DEMO.subscription,
      {
        endpoint: sim.url,
        additionalPolicies: [
          {
            position: 'perCall',
            policy: {
              name: 'simulatorCa',
              sendRequest: (request, next) => {
                request.agent = agent;
                return next(request);
              },
            },
          },
        ],
      },
    );
    const clusters = await collect(viaAgent.managedClusters.list());
    expect(clusters).toHaveLength(3);
    agent.destroy();
  });

  it('answers 401 without a bearer token and 400 without an api-version', async () => {
    const call = trustingFetch(sim);
    const path = `/subscriptions/${DEMO.subscription}/providers/Microsoft.ContainerService/managedClusters`;
    const anonymous = await call(`${path}?api-version=2025-10-01`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await anonymous.json()).toMatchObject({
      error: { code: 'AuthenticationFailed' },
    });
    const unversioned = await call(path, {
      headers: { authorization: 'Bearer x' },
    });
    expect(unversioned.status).toBe(400);
    expect(await unversioned.json()).toMatchObject({
      error: { code: 'MissingApiVersionParameter' },
    });
    // Provider segments match without case, as in ARM.
    const lower = await call(`${path.toLowerCase()}?api-version=2025-10-01`, {
      headers: { authorization: 'Bearer x' },
    });
    expect(lower.status).toBe(200);
    await call.close();
  });
});
