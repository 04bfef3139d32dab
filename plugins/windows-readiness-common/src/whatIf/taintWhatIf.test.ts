import { loadDemoFleet } from '../__testUtils__/demoFleet';
import { ImageCatalog } from '../images/imageReference';
import type { TaintWhatIfRequest, TaintWhatIfResult } from '../model';
import { extractWorkloads } from '../workloads/workloads';
import { TAINT_FLEET } from './__fixtures__/taintFleet';
import { fleetTaintWhatIf, taintWhatIf } from './taintWhatIf';
import { WhatIfError } from './whatIf';

const asOf = new Date('2026-11-27');

function run(
  change: Omit<TaintWhatIfRequest, 'cluster'>,
  options: Parameters<typeof fleetTaintWhatIf>[2] = {},
): TaintWhatIfResult {
  return fleetTaintWhatIf(
    TAINT_FLEET,
    { cluster: 'aks-taint', ...change },
    { asOf, ...options },
  );
}

const impactOf = (result: TaintWhatIfResult, name: string) =>
  result.impacted.find(impact => impact.name === name)!;

const TOLERATE_OS_WINDOWS = [
  'tolerations:',
  '  - key: os',
  '    operator: Equal',
  '    value: windows',
  '    effect: NoSchedule',
].join('\n');

describe('taintWhatIf', () => {
  // [name, placement, whether a toleration is handed out]; see the fixture.
  it.each<
    [
      string,
      Omit<TaintWhatIfRequest, 'cluster'>,
      boolean,
      Array<[string, string, boolean]>,
    ]
  >([
    [
      'a taint on the untainted Windows 2022 pool',
      { pool: 'npwin', addTaint: 'os=windows:NoSchedule' },
      false,
      [
        // Windows-only workloads lose their one pool: no-pool first.
        ['mystery', 'no-pool', false], // the registry has not said it starts there
        ['old-win', 'no-pool', false], // its 2019 image never started there
        ['win-app', 'no-pool', true],
        ['agent', 'loses-pool', true], // keeps the Linux pool
        ['linux-app', 'loses-pool', false], // a Linux workload is better off
      ],
    ],
    [
      'PreferNoSchedule, which keeps nothing off',
      { pool: 'npwin', addTaint: 'os=windows:PreferNoSchedule' },
      false,
      [],
    ],
    [
      // Already on the pool: the answer compares the pool without it and with
      // it, so it still says who needs the toleration.
      'a taint npw25 has already',
      { pool: 'npw25', addTaint: 'os=windows:NoSchedule' },
      true,
      [
        ['agent', 'loses-pool', true],
        ['linux-app', 'loses-pool', false],
        ['mystery', 'loses-pool', false],
        ['old-win', 'loses-pool', false],
        ['win-app', 'loses-pool', true],
      ],
    ],
    [
      'the removal of every taint with key os from npw25',
      { pool: 'npw25', removeTaint: 'os' },
      false,
      [
        ['agent', 'gains-pool', false],
        ['linux-app', 'gains-pool', false],
        ['mystery', 'gains-pool', false],
        ['old-win', 'gains-pool', false],
        ['win-app', 'gains-pool', false],
      ],
    ],
    [
      'the removal of exactly the taint npw25 has',
      { pool: 'npw25', removeTaint: 'os=windows:NoSchedule' },
      false,
      [
        ['agent', 'gains-pool', false],
        ['linux-app', 'gains-pool', false],
        ['mystery', 'gains-pool', false],
        ['old-win', 'gains-pool', false],
        ['win-app', 'gains-pool', false],
      ],
    ],
    [
      // Lacking: compared with the pool that has it (and os=windows still).
      'the removal of a taint npw25 lacks',
      { pool: 'npw25', removeTaint: 'os=linux:NoSchedule' },
      true,
      [['win-tolerant', 'gains-pool', false]],
    ],
    [
      'the removal of a key no taint has',
      { pool: 'npwin', removeTaint: 'nothere' },
      true,
      [],
    ],
    [
      // The taint is on the Node objects only (kubectl taint node).
      'the removal of a taint set on the nodes by hand',
      { pool: 'npkub', removeTaint: 'sku' },
      false,
      [
        ['agent', 'gains-pool', false],
        ['linux-app', 'gains-pool', false],
        ['mystery', 'gains-pool', false],
        ['old-win', 'gains-pool', false],
        ['win-app', 'gains-pool', false],
        ['win-tolerant', 'gains-pool', false],
      ],
    ],
    [
      'adding in ARM a taint the nodes have already',
      { pool: 'npkub', addTaint: 'sku=win:NoSchedule' },
      true,
      [
        ['agent', 'loses-pool', true],
        ['linux-app', 'loses-pool', false],
        ['mystery', 'loses-pool', false],
        ['old-win', 'loses-pool', false],
        ['win-app', 'loses-pool', true],
        ['win-tolerant', 'loses-pool', true],
      ],
    ],
  ])('%s', (_, change, alreadyApplied, expected) => {
    const result = run(change);
    expect(result.alreadyApplied).toBe(alreadyApplied);
    expect(
      result.impacted.map(impact => [
        impact.name,
        impact.placement,
        impact.toleration !== null,
      ]),
    ).toEqual(expected);
  });

  it('says what happens to a DaemonSet that needs the pool, and hands out its toleration', () => {
    const agent = impactOf(
      run({ pool: 'npwin', addTaint: 'os=windows:NoSchedule' }),
      'agent',
    );
    expect(agent).toMatchObject({
      id: 'DaemonSet monitoring/agent',
      kind: 'DaemonSet',
      namespace: 'monitoring',
      services: [],
      before: 'at-risk',
      after: 'blocked',
      poolsBefore: ['linux', 'npwin'],
      poolsAfter: ['linux'],
      nodes: 2,
      toleration: TOLERATE_OS_WINDOWS,
    });
    expect(agent.reasons).toEqual([
      'the taint os=windows:NoSchedule keeps it off npwin; it keeps linux',
      'a DaemonSet: it stops covering the 2 nodes of npwin',
      // Its pod agent-x2 runs on aksnpwin000000.
      expect.stringMatching(
        /^NoSchedule leaves its pods running on npwin now until they are deleted or their nodes replaced/,
      ),
      'tolerate os=windows:NoSchedule to keep npwin',
      expect.stringMatching(/^taint-toleration: Every Windows pool/),
    ]);
  });

  it('says NoExecute evicts the pods running on the pool', () => {
    const agent = impactOf(
      run({ pool: 'npwin', addTaint: 'os=windows:NoExecute' }),
      'agent',
    );
    expect(agent.reasons).toContain(
      'NoExecute evicts its pods running on npwin now',
    );
    expect(agent.toleration).toMatch(/effect: NoExecute$/);
  });

  it('says nothing of running pods for a workload with none on the pool', () => {
    const winApp = impactOf(
      run({ pool: 'npwin', addTaint: 'os=windows:NoSchedule' }),
      'win-app',
    );
    expect(winApp.reasons.join('\n')).not.toMatch(/NoSchedule leaves/);
    expect(winApp.reasons[0]).toBe(
      'the taint os=windows:NoSchedule keeps it off npwin; no pool is left for it: new pods stay Pending',
    );
    expect(winApp.nodes).toBeUndefined();
  });

  it('counts the Node objects of a pool ARM gives no count for', () => {
    const agent = impactOf(
      run({ pool: 'npkub', addTaint: 'sku=win:NoSchedule' }),
      'agent',
    );
    expect(agent.nodes).toBe(2);
  });

  it('tells a Linux workload kept off a Windows pool that it needs no toleration', () => {
    const linuxApp = impactOf(
      run({ pool: 'npwin', addTaint: 'os=windows:NoSchedule' }),
      'linux-app',
    );
    expect(linuxApp).toMatchObject({
      before: 'at-risk',
      after: 'not-applicable',
    });
    expect(linuxApp.reasons).toEqual([
      'the taint os=windows:NoSchedule keeps it off npwin; it keeps linux',
      'a Linux workload with no Linux OS selection no longer lands on the Windows pool npwin, where its images cannot start: it needs no toleration',
    ]);
  });

  it('warns of a Linux workload that may now land on a Windows pool', () => {
    const linuxApp = impactOf(
      run({ pool: 'npw25', removeTaint: 'os' }),
      'linux-app',
    );
    expect(linuxApp.reasons).toEqual([
      'without the taints with key os, it may now be scheduled on npw25',
      'a Linux workload with no Linux OS selection may now be scheduled on the Windows pool npw25, where its images cannot start (no match for platform)',
    ]);
    // linux-isolation warned already: npwin is untainted. No check got worse.
    expect(linuxApp).toMatchObject({ before: 'at-risk', after: 'at-risk' });
  });

  it('names the owner ownerOf gives, with the services of the workload', () => {
    const asked: Array<[string, readonly string[]]> = [];
    const result = run(
      { pool: 'npwin', addTaint: 'os=windows:NoSchedule' },
      {
        serviceIdsOf: w =>
          w.name === 'win-app' ? ['component:default/win-app'] : [],
        ownerOf: (workload, serviceIds) => {
          asked.push([workload.name, serviceIds]);
          return workload.namespace === 'monitoring'
            ? { owner: 'group:default/team-platform', ownerSource: 'namespace' }
            : {};
        },
      },
    );
    expect(impactOf(result, 'agent')).toMatchObject({
      owner: 'group:default/team-platform',
      ownerSource: 'namespace',
    });
    expect(impactOf(result, 'win-app').services).toEqual([
      'component:default/win-app',
    ]);
    expect(impactOf(result, 'win-app')).toHaveProperty('owner', null);
    expect(asked).toContainEqual(['win-app', ['component:default/win-app']]);
  });

  it('judges the workloads of an iterable in one pass', () => {
    const cluster = TAINT_FLEET.clusters[0];
    function* once() {
      for (const workload of extractWorkloads(cluster)) {
        yield { workload, serviceIds: [] };
      }
    }
    const result = taintWhatIf(
      cluster,
      once(),
      new ImageCatalog(TAINT_FLEET.images ?? {}),
      {
        cluster: 'aks-taint',
        pool: 'npwin',
        addTaint: 'os=windows:NoSchedule',
      },
      { asOf },
    );
    expect(result).toMatchObject({
      cluster: 'aks-taint',
      pool: 'npwin',
      change: 'add',
      taint: 'os=windows:NoSchedule',
      asOf: '2026-11-27T00:00:00.000Z',
    });
    expect(result.impacted).toHaveLength(5);
  });

  it.each([
    [
      { cluster: 'nope', pool: 'npwin', addTaint: 'os=windows:NoSchedule' },
      /^No cluster named "nope" in the fleet\.$/,
    ],
    [
      { cluster: 'aks-taint', pool: 'np', addTaint: 'os=windows:NoSchedule' },
      /^No pool named "np" in cluster "aks-taint" \(pools: linux, npwin, npw25, npkub\)\.$/,
    ],
    [
      { cluster: 'nope', pool: 'npwin', addTaint: 'os=windows' },
      /^Invalid taint "os=windows" in addTaint/,
    ],
    [{ cluster: 'aks-taint', pool: 'npwin' }, /^Give exactly one of/],
  ])('rejects %j', (request, message) => {
    expect(() => fleetTaintWhatIf(TAINT_FLEET, request, { asOf })).toThrow(
      WhatIfError,
    );
    expect(() => fleetTaintWhatIf(TAINT_FLEET, request, { asOf })).toThrow(
      message,
    );
  });

  it('rejects a request for another cluster than the one given', () => {
    expect(() =>
      taintWhatIf(TAINT_FLEET.clusters[0], [], new ImageCatalog({}), {
        cluster: 'other',
        pool: 'npwin',
        addTaint: 'os=windows:NoSchedule',
      }),
    ).toThrow(/names cluster "other", not "aks-taint"/);
  });
});

describe('taintWhatIf on the demo fleet', () => {
  const result = fleetTaintWhatIf(
    loadDemoFleet(),
    {
      cluster: 'aks-neu-modern',
      pool: 'npwan',
      addTaint: 'os=windows:NoSchedule',
    },
    { asOf },
  );

  it('lists the monitoring DaemonSet and the charts with no OS selector, not the ingress controller', () => {
    expect(
      result.impacted.map(impact => [
        impact.id,
        impact.placement,
        impact.services,
        impact.toleration !== null,
      ]),
    ).toEqual([
      ['DaemonSet monitoring/datadog-agent', 'loses-pool', [], true],
      ['Deployment external-dns/external-dns', 'loses-pool', [], false],
      ['Deployment web/web-portal', 'loses-pool', ['web-portal'], false],
    ]);
    expect(result.impacted.map(impact => impact.name)).not.toContain(
      'ingress-nginx-controller',
    );
  });

  it('counts the DaemonSet on the pool it leaves', () => {
    expect(result.impacted[0]).toMatchObject({
      nodes: 1,
      before: 'at-risk',
      after: 'blocked',
      toleration: TOLERATE_OS_WINDOWS,
    });
  });
});
