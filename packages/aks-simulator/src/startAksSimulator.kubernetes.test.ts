import {
  ApiException,
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  KubeConfig,
  NodeV1Api,
  VersionApi,
} from '@kubernetes/client-node';
import {
  buildOsSkuTable,
  profilePool,
  type Fleet,
} from '@winready/plugin-windows-readiness-common';
import { loadDemoFleet, trustingFetch } from './__testUtils__/simulator';
import { startAksSimulator, type RunningSimulator } from './startAksSimulator';

const LEGACY = 'aks-weu-legacy';
const MODERN = 'aks-neu-modern';
const BATCH = 'aks-weu-batch';

function kinds(fleet: Fleet, cluster: string, kind: string) {
  return (fleet.clusters.find(c => c.name === cluster)?.objects ?? []).filter(
    o => o.kind === kind,
  );
}

describe('Kubernetes API through @kubernetes/client-node', () => {
  const fleet = loadDemoFleet();
  let sim: RunningSimulator;

  // The kubeconfig carries the CA (certificate-authority-data) and the token:
  // loadFromString is all client-node needs.
  const api = <T>(cluster: string, type: new (...args: any[]) => T): T => {
    const config = new KubeConfig();
    config.loadFromString(sim.kubeconfig(cluster));
    return config.makeApiClient(type as any) as T;
  };

  beforeAll(async () => {
    sim = await startAksSimulator({
      fleet,
      quiet: true,
      kubernetesToken: 'test-token',
      kubernetesPageLimitMax: 3,
    });
  });
  afterAll(() => sim.stop());
  beforeEach(() => sim.resetRequestCounts());

  it('serves /version with the cluster Kubernetes version', async () => {
    const version = await api(MODERN, VersionApi).getCode();
    expect(version).toMatchObject({
      major: '1',
      minor: '33',
      gitVersion: 'v1.33.2',
    });
  });

  it('synthesises the nodes of each pool, named and labelled as AKS does', async () => {
    const nodes = await api(LEGACY, CoreV1Api).listNode();
    expect(nodes.kind).toBe('NodeList');
    expect(nodes.metadata?.resourceVersion).toMatch(/^\d+$/);
    expect(nodes.items.map(n => n.metadata?.name)).toEqual([
      'aks-system-12345678-vmss000000',
      'aks-system-12345678-vmss000001',
      'aksnpwin000000',
      'aksnpwin000001',
    ]);
    const windows = nodes.items.find(
      n => n.metadata?.name === 'aksnpwin000001',
    )!;
    const cluster = fleet.clusters.find(c => c.name === LEGACY)!;
    const profile = profilePool(
      cluster,
      cluster.nodePools.find(p => p.name === 'npwin')!,
      buildOsSkuTable(),
    );
    expect(windows.metadata?.labels).toEqual({
      ...profile.labels,
      'kubernetes.io/hostname': 'aksnpwin000001',
    });
    expect(windows.metadata?.labels?.['node.kubernetes.io/windows-build']).toBe(
      '10.0.17763',
    );
    expect(windows.spec?.taints).toEqual([
      { key: 'sku', value: 'win', effect: 'NoSchedule' },
    ]);
    expect(windows.status?.nodeInfo).toMatchObject({
      operatingSystem: 'windows',
      architecture: 'amd64',
      kernelVersion: '10.0.17763.6532',
      osImage: 'Windows Server 2019 Datacenter',
      containerRuntimeVersion: 'containerd://1.7.20+azure',
      kubeletVersion: 'v1.31.5',
    });
    expect(
      windows.status?.conditions?.find(c => c.type === 'Ready')?.status,
    ).toBe('True');
    const linux = nodes.items[0];
    expect(linux.status?.nodeInfo?.operatingSystem).toBe('linux');
    expect(linux.status?.nodeInfo?.kernelVersion).toMatch(/-azure$/);
  });

  it('serves the fleet’s Node objects with their taints in place of synthesised ones (docs/rules.md rule 5)', async () => {
    const nodes = await api(BATCH, CoreV1Api).listNode();
    const byName = new Map(nodes.items.map(n => [n.metadata?.name, n]));
    expect([...byName.keys()].sort()).toEqual([
      'aks-nplinux-12345678-vmss000000',
      'aks-system-12345678-vmss000000',
      'aks-system-12345678-vmss000001',
      'akswin000000',
      'akswin000001',
    ]);
    // Tainted by hand, not through ARM: only the Node objects say so.
    for (const name of ['akswin000000', 'akswin000001']) {
      expect(byName.get(name)!.spec?.taints).toEqual([
        { key: 'sku', value: 'win', effect: 'NoSchedule' },
      ]);
      expect(
        byName.get(name)!.metadata?.labels?.['kubernetes.azure.com/os-sku'],
      ).toBe('Windows2025');
    }
    expect(byName.get('aks-system-12345678-vmss000000')!.spec?.taints).toEqual([
      { key: 'CriticalAddonsOnly', value: 'true', effect: 'NoSchedule' },
    ]);
  });

  it('derives the Windows kernel version from the node image version', async () => {
    const nodes = await api(MODERN, CoreV1Api).listNode({
      labelSelector: 'kubernetes.azure.com/agentpool in (npw22,npw25,npwan)',
    });
    const byPool = Object.fromEntries(
      nodes.items.map(n => [
        n.metadata?.labels?.agentpool,
        [n.status?.nodeInfo?.kernelVersion, n.status?.nodeInfo?.osImage],
      ]),
    );
    expect(byPool).toEqual({
      npw22: ['10.0.20348.4294', 'Windows Server 2022 Datacenter'],
      npw25: ['10.0.26100.6905', 'Windows Server 2025 Datacenter'],
      npwan: ['10.0.25398.1611', 'Windows Server Datacenter'],
    });
  });

  it('pages pods with limit and continue, capped by kubernetesPageLimitMax', async () => {
    const core = api(MODERN, CoreV1Api);
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listPodForAllNamespaces({
        limit: 100, // capped to 3
        _continue: token,
      });
      expect(page.items.length).toBeLessThanOrEqual(3);
      names.push(...page.items.map(p => p.metadata!.name!));
      token = page.metadata?._continue;
      pages += 1;
    } while (token);
    const expected = kinds(fleet, MODERN, 'Pod').map(p => p.metadata!.name!);
    expect([...names].sort()).toEqual([...expected].sort());
    expect(pages).toBe(Math.ceil(expected.length / 3));
    expect(sim.requestCounts()['kubernetes.pods.list']).toBe(pages);
  });

  it('answers 410 Gone to a continue token it did not issue', async () => {
    const error = await api(MODERN, CoreV1Api)
      .listPodForAllNamespaces({ limit: 1, _continue: 'not-a-token' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.code).toBe(410);
    expect(JSON.parse(error.body)).toMatchObject({
      kind: 'Status',
      reason: 'Expired',
      code: 410,
    });
  });

  it('lists workloads of every kind with proper List kinds', async () => {
    const deployments = await api(
      MODERN,
      AppsV1Api,
    ).listDeploymentForAllNamespaces();
    expect(deployments.kind).toBe('DeploymentList');
    expect(deployments.apiVersion).toBe('apps/v1');
    expect(deployments.items.map(d => d.metadata?.name).sort()).toEqual(
      kinds(fleet, MODERN, 'Deployment')
        .map(d => d.metadata!.name!)
        .sort(),
    );
    expect(deployments.items[0].metadata).toMatchObject({
      uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      resourceVersion: expect.stringMatching(/^\d+$/),
    });
    expect(deployments.items[0].metadata?.creationTimestamp).toBeInstanceOf(
      Date,
    );
    const statefulSets = await api(
      MODERN,
      AppsV1Api,
    ).listStatefulSetForAllNamespaces();
    expect(statefulSets.items.map(s => s.metadata?.name)).toEqual([
      'search-indexer',
    ]);
    const cronJobs = await api(
      LEGACY,
      BatchV1Api,
    ).listCronJobForAllNamespaces();
    expect(cronJobs.items.map(c => c.metadata?.name)).toEqual([
      'reports-nightly',
    ]);
    const runtimeClasses = await api(MODERN, NodeV1Api).listRuntimeClass();
    expect(runtimeClasses.items.map(r => r.metadata?.name)).toEqual([
      'windows-next',
    ]);
  });

  it('filters by namespace, label selector and field selector', async () => {
    const core = api(LEGACY, CoreV1Api);
    const orders = await core.listNamespacedPod({ namespace: 'orders' });
    expect(orders.items.every(p => p.metadata?.namespace === 'orders')).toBe(
      true,
    );
    expect(orders.items.length).toBeGreaterThan(0);

    const legacyPods = await core.listPodForAllNamespaces({
      labelSelector: 'app=orders-legacy',
    });
    expect(legacyPods.items.map(p => p.metadata?.name)).toEqual([
      'orders-legacy-6c9f7b5d8-x2x4q',
    ]);
    const onNode = await core.listPodForAllNamespaces({
      fieldSelector: 'spec.nodeName=aksnpwin000001',
    });
    const expectedOnNode = kinds(fleet, LEGACY, 'Pod')
      .filter(p => p.spec?.nodeName === 'aksnpwin000001')
      .map(p => p.metadata!.name!)
      .sort();
    expect(expectedOnNode.length).toBeGreaterThan(1);
    expect(onNode.items.map(p => p.metadata?.name)).toEqual(expectedOnNode);
    const windowsNodes = await core.listNode({
      labelSelector:
        'kubernetes.io/os=windows,!kubernetes.azure.com/scalesetpriority',
    });
    expect(windowsNodes.items).toHaveLength(2);
    const events = await core.listEventForAllNamespaces({
      fieldSelector: 'involvedObject.kind=Pod,type=Warning',
    });
    expect(events.items.length).toBe(
      kinds(fleet, LEGACY, 'Event').filter(e => e.type === 'Warning').length,
    );
  });

  it('answers 400 to a selector it cannot parse', async () => {
    const error = await api(LEGACY, CoreV1Api)
      .listPodForAllNamespaces({ fieldSelector: 'spec.unknownField=x' })
      .catch(e => e);
    expect(error.code).toBe(400);
  });

  it('requires the bearer token: 401 Status otherwise', async () => {
    const call = trustingFetch(sim);
    const response = await call(`/clusters/${LEGACY}/api/v1/pods`, {
      headers: { authorization: 'Bearer wrong' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    await call.close();
  });

  it('serves discovery documents', async () => {
    const call = trustingFetch(sim);
    const get = async (path: string) =>
      (
        await call(`/clusters/${LEGACY}${path}`, {
          headers: { authorization: `Bearer ${sim.kubernetesToken}` },
        })
      ).json() as Promise<any>;
    expect((await get('/api')).versions).toEqual(['v1']);
    expect((await get('/apis')).groups.map((g: any) => g.name)).toEqual([
      'apps',
      'batch',
      'node.k8s.io',
    ]);
    const apps = await get('/apis/apps/v1');
    expect(apps.resources.map((r: any) => r.name)).toContain('deployments');
    await call.close();
  });
});
