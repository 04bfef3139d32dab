import fc from 'fast-check';
import { CHECK_IDS } from '../checks';
import type { Fleet } from '../model';
import { evaluateFleet } from './evaluateFleet';
import { serviceStatus } from './status';
import { WhatIfError, whatIf } from '../whatIf/whatIf';

const label = fc.constantFrom(
  'kubernetes.io/os',
  'beta.kubernetes.io/os',
  'node.kubernetes.io/windows-build',
  'kubernetes.azure.com/os-sku',
  'agentpool',
  'team',
);
const labelValue = fc.constantFrom(
  'windows',
  'linux',
  '10.0.17763',
  '10.0.20348',
  'Windows2022',
  'npwin',
  '3',
  '',
);
const images = fc.constantFrom(
  'img/a:1',
  'img/b:1',
  'img/c:1',
  'unknown/d:1',
  'nginx',
);
const osVersion = fc.constantFrom(
  undefined,
  '10.0.17134.1',
  '10.0.17763.5458',
  '10.0.20348.2322',
  '10.0.26100.1',
  'junk',
);

const toleration = fc.record(
  {
    key: fc.constantFrom('os', 'sku', ''),
    operator: fc.constantFrom('Equal', 'Exists', 'Bogus'),
    value: fc.constantFrom('windows', 'win', ''),
    effect: fc.constantFrom('NoSchedule', 'NoExecute', 'PreferNoSchedule', ''),
  },
  { requiredKeys: [] },
);

const podSpec = fc.record(
  {
    nodeSelector: fc.dictionary(label, labelValue, { maxKeys: 2 }),
    tolerations: fc.array(toleration, { maxLength: 2 }),
    runtimeClassName: fc.constantFrom('windows', 'missing'),
    nodeName: fc.constantFrom('aksnpwin000000', 'aks-system-1-vmss000000', 'x'),
    affinity: fc.record({
      nodeAffinity: fc.record({
        requiredDuringSchedulingIgnoredDuringExecution: fc.record({
          nodeSelectorTerms: fc.array(
            fc.record({
              matchExpressions: fc.array(
                fc.record({
                  key: label,
                  operator: fc.constantFrom(
                    'In',
                    'NotIn',
                    'Exists',
                    'DoesNotExist',
                    'Gt',
                    'Lt',
                    'Nope',
                  ),
                  values: fc.array(labelValue, { maxLength: 2 }),
                }),
                { maxLength: 2 },
              ),
            }),
            { maxLength: 2 },
          ),
        }),
      }),
    }),
    containers: fc.array(fc.record({ name: fc.constant('c'), image: images }), {
      minLength: 1,
      maxLength: 2,
    }),
  },
  { requiredKeys: ['containers'] },
);

const object = fc.oneof(
  fc.record({
    apiVersion: fc.constant('apps/v1'),
    kind: fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet'),
    metadata: fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      namespace: fc.constantFrom('ns1', 'ns2'),
      labels: fc.record({
        'backstage.io/kubernetes-id': fc.constantFrom('s1', 's2', 's3'),
      }),
    }),
    spec: fc.record({ template: fc.record({ spec: podSpec }) }),
  }),
  fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Pod'),
    metadata: fc.record({
      name: fc.constantFrom('a-1-x', 'b-2-y', 'p'),
      namespace: fc.constantFrom('ns1', 'ns2'),
      labels: fc.record(
        { 'backstage.io/kubernetes-id': fc.constantFrom('s1', 's4') },
        { requiredKeys: [] },
      ),
      ownerReferences: fc.array(
        fc.record({
          kind: fc.constantFrom('ReplicaSet', 'Job', 'Deployment'),
          name: fc.constantFrom('a-1', 'b', 'a'),
        }),
        { maxLength: 1 },
      ),
    }),
    spec: podSpec,
    status: fc.anything(),
  }),
  fc.record({
    apiVersion: fc.constant('node.k8s.io/v1'),
    kind: fc.constant('RuntimeClass'),
    metadata: fc.record({ name: fc.constant('windows') }),
    handler: fc.constant('runhcs-wcow-process'),
    scheduling: fc.record({
      nodeSelector: fc.dictionary(label, labelValue, { maxKeys: 1 }),
      tolerations: fc.array(toleration, { maxLength: 1 }),
    }),
  }),
  fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Event'),
    metadata: fc.record({ name: fc.constant('e') }),
    involvedObject: fc.record({
      kind: fc.constant('Pod'),
      name: fc.constantFrom('a-1-x', 'p'),
    }),
    message: fc.constantFrom(
      '0/3 nodes are available: 1 node(s) had untolerated taint {os: windows}',
      'no match for platform in manifest',
      'other',
    ),
    extra: fc.anything(),
  }),
);

const pool = fc.record(
  {
    name: fc.constantFrom('system', 'npwin', 'npw22', 'np25'),
    osType: fc.constantFrom('Linux', 'Windows'),
    osSku: fc.constantFrom(
      'Windows2019',
      'Windows2022',
      'Windows2025',
      'WindowsAnnual',
      'Ubuntu',
      'Made-up',
    ),
    nodeImageVersion: fc.constantFrom(
      'AKSWindows-2022-containerd-20348.2582.240716',
      'AKSUbuntu-2204gen2containerd-202407.03.0',
      'junk',
    ),
    kernelVersion: fc.constantFrom('10.0.17763.1', '5.15.0-1064-azure', 'junk'),
    taints: fc.array(
      fc.constantFrom(
        'os=windows:NoSchedule',
        'sku=win:NoExecute',
        'a:PreferNoSchedule',
      ),
      { maxLength: 2 },
    ),
    labels: fc.dictionary(label, labelValue, { maxKeys: 1 }),
    mode: fc.constantFrom('System', 'User'),
  },
  { requiredKeys: ['name', 'osType'] },
);

const fleet: fc.Arbitrary<Fleet> = fc
  .record({
    clusters: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom('c1', 'c2', 'c3'),
        kubernetesVersion: fc.constantFrom('1.24.9', '1.33.2', undefined),
        nodePools: fc.uniqueArray(pool, {
          selector: p => p.name,
          maxLength: 4,
        }),
        objects: fc.array(object, { maxLength: 6 }),
      }),
      { selector: c => c.name, maxLength: 3 },
    ),
    images: fc.dictionary(
      images,
      fc.record({
        platforms: fc.array(
          fc.record(
            {
              os: fc.constantFrom('windows', 'linux'),
              architecture: fc.constantFrom('amd64', 'arm64'),
              osVersion,
            },
            { requiredKeys: ['os', 'architecture'] },
          ),
          { maxLength: 3 },
        ),
      }),
    ),
  })
  .map(parts => ({
    apiVersion: 'winready/v1' as const,
    kind: 'Fleet' as const,
    metadata: { name: 'generated' },
    ...(parts as any),
  }));

const asOf = new Date('2026-11-27');

describe('evaluateFleet on arbitrary fleets', () => {
  it('never throws and every service carries every service check', () => {
    fc.assert(
      fc.property(fleet, f => {
        const result = evaluateFleet(f, { asOf });
        for (const s of result.services) {
          expect(s.checks.map(c => c.id)).toEqual(
            CHECK_IDS.filter(id => id !== 'windows-pool-taint'),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('derives every status from the checks by the rules of DESIGN.md', () => {
    fc.assert(
      fc.property(fleet, f => {
        for (const s of evaluateFleet(f, { asOf }).services) {
          const results = s.checks.map(c => c.result);
          expect(s.status).toBe(serviceStatus(s.checks, s.involvesWindows));
          expect(s.status === 'blocked').toBe(results.includes('fail'));
          expect(s.status !== 'ready' || s.involvesWindows).toBe(true);
          // The Windows checks skip for a workload that does not involve Windows.
          expect(
            s.involvesWindows ||
              s.checks
                .filter(c => c.id !== 'linux-isolation')
                .every(c => c.result === 'skip'),
          ).toBe(true);
          // Per check, the service result is the worst over its workloads.
          for (const c of s.checks) {
            const rank = ['skip', 'pass', 'unknown', 'warn', 'fail'];
            const worst = Math.max(
              ...s.workloads.map(w =>
                rank.indexOf(w.checks.find(x => x.id === c.id)!.result),
              ),
            );
            expect(rank.indexOf(c.result)).toBe(worst);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the pool sets nested: compatible and eligible within selected', () => {
    fc.assert(
      fc.property(fleet, f => {
        for (const s of evaluateFleet(f, { asOf }).services) {
          for (const w of s.workloads) {
            for (const name of [...w.pools.eligible, ...w.pools.compatible]) {
              expect(w.pools.selected).toContain(name);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('what-if refuses clearly or only lists services that get worse', () => {
    fc.assert(
      fc.property(
        fleet.filter(f => f.clusters.some(c => c.nodePools.length > 0)),
        fc.constantFrom('Windows2019', 'Windows2022', 'Windows2025', 'Nope'),
        (f, osSku) => {
          const cluster = f.clusters.find(c => c.nodePools.length > 0)!;
          const order = [
            'not-applicable',
            'ready',
            'unknown',
            'at-risk',
            'blocked',
          ];
          let answer;
          let refusal: unknown;
          try {
            answer = whatIf(
              f,
              { cluster: cluster.name, pool: cluster.nodePools[0].name, osSku },
              { asOf },
            );
          } catch (error) {
            refusal = error;
          }
          // Only a clear refusal (unknown SKU, Linux <-> Windows) is allowed.
          expect(refusal === undefined || refusal instanceof WhatIfError).toBe(
            true,
          );
          for (const impact of answer?.impacted ?? []) {
            expect(order.indexOf(impact.after)).toBeGreaterThan(
              order.indexOf(impact.before),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
