import { loadDemoFleet } from '../__testUtils__/demoFleet';
import { CHECKS } from '../checks';
import type { CheckResultValue, EvaluationResult } from '../model';
import { evaluateFleet } from './evaluateFleet';

const demo = loadDemoFleet();
const NOW = new Date('2026-11-27T00:00:00Z');
const result = evaluateFleet(demo, { asOf: NOW });

function service(id: string, at: EvaluationResult = result) {
  const found = at.services.find(s => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}
function check(id: string, checkId: string, at?: EvaluationResult) {
  return service(id, at).checks.find(c => c.id === checkId)!;
}

describe('evaluateFleet on the demo fleet', () => {
  it.each([
    ['orders-legacy', 'blocked'],
    ['reports-job', 'blocked'],
    ['fax-gateway', 'blocked'],
    ['print-spooler', 'blocked'],
    ['orders', 'at-risk'],
    ['catalog-web', 'at-risk'],
    ['notifications', 'at-risk'],
    ['hostprocess-agent', 'at-risk'],
    ['ledger', 'at-risk'],
    ['payments', 'at-risk'],
    ['web-portal', 'at-risk'],
    ['kiosk', 'unknown'],
    ['search-indexer', 'ready'],
    ['storefront', 'not-applicable'],
    ['api-gateway', 'not-applicable'],
    // aks-weu-batch: the stories of demoStories.test.ts.
    ['label-printer', 'blocked'],
    ['billing-api', 'unknown'],
    ['doc-indexer', 'ready'],
    ['invoice-renderer', 'ready'],
    ['build-agent', 'not-applicable'],
  ])('%s is %s', (id, status) => {
    expect(service(id).status).toBe(status);
  });

  it('produces every result of every check (os-sku-lifecycle fail once WS2019 images are deleted)', () => {
    const later = evaluateFleet(demo, { asOf: new Date('2027-04-02') });
    const seen = new Map<string, Set<CheckResultValue>>();
    for (const r of [result, later]) {
      const all = [
        ...r.services.flatMap(s => s.checks),
        ...r.clusters.flatMap(c => c.checks),
      ];
      for (const c of all) {
        if (!seen.has(c.id)) seen.set(c.id, new Set());
        seen.get(c.id)!.add(c.result);
      }
    }
    for (const definition of CHECKS) {
      expect([...(seen.get(definition.id) ?? [])].sort()).toEqual(
        [...definition.results].sort(),
      );
    }
  });

  it('explains the 1803 image on the 2019 pool with evidence and the base image to use', () => {
    const c = check('orders-legacy', 'image-os-build');
    expect(c.result).toBe('fail');
    expect(c.evidence[0]).toMatchObject({
      cluster: 'aks-weu-legacy',
      pool: 'npwin',
      image: 'winreadydemo.azurecr.io/orders/api:1.4.2-1803',
      imageBuilds: ['10.0.17134.1305'],
      poolBuild: '10.0.17763.6532',
    });
    expect(c.remediation?.snippet).toBe(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2019',
    );
    const pods = check('orders-legacy', 'pod-status');
    expect(pods.result).toBe('fail');
    expect(pods.evidence[0].detail).toMatch(
      /does not match the host operating system/,
    );
  });

  it('hands out the toleration a Pending CronJob needs', () => {
    const c = check('reports-job', 'taint-toleration');
    expect(c.result).toBe('fail');
    expect(c.evidence[0].taints).toEqual(['sku=win:NoSchedule']);
    expect(c.remediation?.snippet).toContain('key: sku');
    expect(c.remediation?.snippet).toContain('handler: runhcs-wcow-process');
    expect(check('reports-job', 'pod-status').evidence[0].detail).toMatch(
      /untolerated taint \{sku: win\}/,
    );
  });

  it('names the pools a build selector would keep a 2025-only image off', () => {
    const c = check('notifications', 'build-selector');
    expect(c.result).toBe('warn');
    expect(c.evidence.map(e => e.pool).sort()).toEqual(['npw22', 'npwan']);
    expect(c.remediation?.snippet).toContain(
      'node.kubernetes.io/windows-build: 10.0.26100',
    );
  });

  it('warns about the next Windows Server for single-build images', () => {
    expect(check('orders', 'upgrade-path')).toMatchObject({
      result: 'warn',
      evidence: [expect.objectContaining({ osSku: 'Windows2022' })],
    });
    expect(check('catalog-web', 'upgrade-path').result).toBe('pass');
  });

  it('dates retirement from the as-of instant', () => {
    expect(check('payments', 'os-sku-lifecycle').message).toMatch(
      /Windows2022 retires on 2027-03-15, in 108 days/,
    );
    const early = evaluateFleet(demo, { asOf: new Date('2026-01-01') });
    expect(check('payments', 'os-sku-lifecycle', early).result).toBe('pass');
    expect(check('orders', 'os-sku-lifecycle', early).result).toBe('warn');
    const late = evaluateFleet(demo, { asOf: new Date('2027-04-02') });
    expect(check('orders', 'os-sku-lifecycle', late).result).toBe('fail');
  });

  it('takes the worst result over clusters for a multi-cluster service', () => {
    const storefront = service('storefront');
    expect(storefront.clusters).toEqual(['aks-weu-legacy', 'aks-eus-linux']);
    expect(storefront.workloads).toHaveLength(2);
  });

  it('summarises pools with build, source and the services on them', () => {
    const legacy = result.clusters.find(c => c.name === 'aks-weu-legacy')!;
    expect(legacy.pools.find(p => p.name === 'npwin')).toMatchObject({
      osSku: 'Windows2019',
      windowsBuild: '10.0.17763.6532',
      windowsBuildSource: 'kernelVersion',
      taints: ['sku=win:NoSchedule'],
      successorOsSku: 'Windows2022',
      services: ['catalog-web', 'orders', 'orders-legacy'],
    });
    const modern = result.clusters.find(c => c.name === 'aks-neu-modern')!;
    expect(modern.pools.find(p => p.name === 'npw25')).toMatchObject({
      windowsBuild: '10.0.26100.6905',
      windowsBuildSource: 'nodeImageVersion',
    });
    expect(modern.checks[0]).toMatchObject({
      id: 'windows-pool-taint',
      result: 'warn',
      evidence: [expect.objectContaining({ pool: 'npwan' })],
    });
  });

  it('keeps where ARM has each cluster, and nothing for a cluster without it', () => {
    const byName = new Map(result.clusters.map(c => [c.name, c]));
    expect(byName.get('aks-weu-legacy')!.azure).toEqual({
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      resourceGroup: 'rg-legacy',
      location: 'westeurope',
    });
    expect('azure' in byName.get('aks-eus-linux')!).toBe(false);
  });

  it('is reproducible for the same fleet and as-of instant', () => {
    expect(evaluateFleet(demo, { asOf: NOW })).toEqual(result);
  });

  it('maps workloads to services with a custom rule, one workload to several services', () => {
    const mapped = evaluateFleet(demo, {
      asOf: NOW,
      serviceIdsOf: workload =>
        workload.namespace === 'orders'
          ? [
              'component:default/orders-team-view',
              `component:default/${workload.name}`,
            ]
          : [],
    });
    expect(mapped.services.map(s => [s.id, s.status])).toEqual([
      ['component:default/orders', 'at-risk'],
      ['component:default/orders-legacy', 'blocked'],
      ['component:default/orders-team-view', 'blocked'],
    ]);
    expect(mapped.services[2].workloads).toHaveLength(2);
  });
});
