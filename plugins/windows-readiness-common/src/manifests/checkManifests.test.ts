import { loadDemoFleet } from '../__testUtils__/demoFleet';
import { evaluateFleet } from '../evaluate/evaluateFleet';
import type { Cluster, Fleet } from '../model';
import { checkManifests, manifestImages } from './checkManifests';
import { parseManifests } from './parseManifests';

const AS_OF = new Date('2026-11-27T00:00:00Z');
const fleet: Fleet = loadDemoFleet();
const cluster = (name: string): Cluster =>
  fleet.clusters.find(c => c.name === name)!;

const TOLERATE_WIN =
  'tolerations: [{ key: sku, operator: Equal, value: win, effect: NoSchedule }]';

/** A Deployment with a pod spec given as YAML lines (6 spaces in). */
const deployment = (name: string, image: string, ...podSpec: string[]) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: { name: ${name}, namespace: orders }`,
    'spec:',
    '  template:',
    '    spec:',
    ...podSpec.map(line => `      ${line}`),
    `      containers: [{ name: main, image: "${image}" }]`,
  ].join('\n');

function check(
  files: Record<string, string>,
  clusterName = 'aks-weu-legacy',
  images = fleet.images,
) {
  const documents = parseManifests(
    Object.entries(files).map(([path, content]) => ({ path, content })),
  );
  return checkManifests(documents, cluster(clusterName), {
    images,
    asOf: AS_OF,
  });
}

const verdicts = (result: ReturnType<typeof check>) =>
  result.workloads.map(w => ({
    at: `${w.file}:${w.line}`,
    name: w.name,
    status: w.status,
    problems: w.checks
      .filter(c => ['fail', 'warn', 'unknown'].includes(c.result))
      .map(c => `${c.id}:${c.result}`),
  }));

// The decisive checks; others (dates, upgrade path) may join them.
const including = (...problems: string[]) => expect.arrayContaining(problems);

describe('checkManifests against the demo fleet', () => {
  it('gives each workload the verdict the rules give, with its file and line', () => {
    const result = check({
      'orders.yaml': [
        '# the 1803 build, as the legacy cluster runs it today',
        deployment(
          'orders-legacy',
          'winreadydemo.azurecr.io/orders/api:1.4.2-1803',
          'nodeSelector: { kubernetes.io/os: windows }',
          TOLERATE_WIN,
        ),
        '---',
        deployment(
          'orders',
          'winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019',
          'nodeSelector: { kubernetes.io/os: windows }',
          TOLERATE_WIN,
        ),
        '---',
        deployment(
          'no-toleration',
          'winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019',
          'nodeSelector: { kubernetes.io/os: windows }',
        ),
        '---',
        deployment(
          'new-tag',
          'winreadydemo.azurecr.io/orders/api:9.9.9',
          'nodeSelector: { kubernetes.io/os: windows }',
          TOLERATE_WIN,
        ),
        '---',
        deployment(
          'web',
          'docker.io/library/nginx:1.27',
          'nodeSelector: { kubernetes.io/os: linux }',
        ),
      ].join('\n'),
    });
    expect(verdicts(result)).toEqual([
      {
        at: 'orders.yaml:2',
        name: 'orders-legacy',
        status: 'blocked',
        problems: including('image-os-build:fail'),
      },
      {
        at: 'orders.yaml:12',
        name: 'orders',
        status: 'at-risk',
        problems: including('os-sku-lifecycle:warn', 'upgrade-path:warn'),
      },
      {
        at: 'orders.yaml:22',
        name: 'no-toleration',
        status: 'blocked',
        problems: including('taint-toleration:fail'),
      },
      {
        // No registry answer for the tag: unknown, never a pass.
        at: 'orders.yaml:31',
        name: 'new-tag',
        status: 'unknown',
        problems: including('image-os-build:unknown'),
      },
      {
        at: 'orders.yaml:41',
        name: 'web',
        status: 'not-applicable',
        problems: [],
      },
    ]);
    expect(result.summary).toEqual({
      documents: 5,
      workloads: 5,
      byStatus: {
        blocked: 2,
        'at-risk': 1,
        unknown: 1,
        ready: 0,
        'not-applicable': 1,
      },
    });
    expect(result.workloads[0].checks[0].message).toMatch(/npwin/);
  });

  it('agrees with evaluate on the cluster’s own Deployment, apart from its pods', () => {
    const evaluated = evaluateFleet(fleet, { asOf: AS_OF });
    const live = evaluated.services
      .find(s => s.id === 'orders-legacy')!
      .workloads.find(w => w.cluster === 'aks-weu-legacy')!;
    const object = cluster('aks-weu-legacy').objects!.find(
      o => o.kind === 'Deployment' && o.metadata?.name === 'orders-legacy',
    )!;
    const [manifest] = checkManifests(
      [{ file: 'o.yaml', document: 1, line: 1, object }],
      cluster('aks-weu-legacy'),
      { images: fleet.images, asOf: AS_OF },
    ).workloads;
    // Rule 6: without pods, a workload runs on the pools it could start on,
    // so the checks of the pools it runs on differ; the placement ones agree.
    const placement = (checks: typeof live.checks) =>
      checks.filter(c =>
        [
          'image-os-build',
          'build-selector',
          'os-selector',
          'taint-toleration',
          'linux-isolation',
        ].includes(c.id),
      );
    expect(placement(manifest.checks)).toHaveLength(5);
    expect(placement(manifest.checks)).toEqual(placement(live.checks));
    expect(manifest.status).toBe('blocked');
    expect(manifest.serviceId).toBe('orders-legacy');
    // The cluster's crash-looping pods belong to what runs, not to the manifest.
    expect(live.checks.find(c => c.id === 'pod-status')?.result).toBe('fail');
    expect(manifest.checks.find(c => c.id === 'pod-status')).toMatchObject({
      result: 'skip',
    });
  });

  it('judges two renderings of one Deployment each on its own', () => {
    const result = check({
      'overlays/prod.yaml': deployment(
        'orders',
        'winreadydemo.azurecr.io/orders/api:1.4.2-1803',
        'nodeSelector: { kubernetes.io/os: windows }',
        TOLERATE_WIN,
      ),
      'overlays/test.yaml': deployment(
        'orders',
        'winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019',
        'nodeSelector: { kubernetes.io/os: windows }',
        TOLERATE_WIN,
      ),
    });
    expect(result.workloads.map(w => [w.file, w.status])).toEqual([
      ['overlays/prod.yaml', 'blocked'],
      ['overlays/test.yaml', 'at-risk'],
    ]);
  });

  it('lists the images of every document, two renderings of one Deployment included', () => {
    const documents = parseManifests([
      { path: 'a.yaml', content: deployment('web', 'reg.example/web:1') },
      {
        path: 'b.yaml',
        content: [
          deployment('web', 'reg.example/web:2'),
          '---',
          'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }',
        ].join('\n'),
      },
    ]);
    expect(manifestImages(documents)).toEqual([
      'reg.example/web:1',
      'reg.example/web:2',
    ]);
  });

  it('uses a RuntimeClass the manifests bring, and fails on one nobody has', () => {
    const runtimeClass = [
      'apiVersion: node.k8s.io/v1',
      'kind: RuntimeClass',
      'metadata: { name: windows-2019 }',
      'handler: runhcs-wcow-process',
      'scheduling:',
      '  nodeSelector: { kubernetes.io/os: windows }',
      '  tolerations: [{ key: sku, operator: Equal, value: win, effect: NoSchedule }]',
    ].join('\n');
    const result = check({
      'app.yaml': [
        runtimeClass,
        '---',
        deployment(
          'with-class',
          'winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019',
          'runtimeClassName: windows-2019',
        ),
        '---',
        deployment(
          'missing-class',
          'winreadydemo.azurecr.io/orders/api:1.5.0-ltsc2019',
          'runtimeClassName: windows-next',
        ),
      ].join('\n'),
    });
    const [withClass, missing] = result.workloads;
    expect(withClass.pools.eligible).toEqual(['npwin']);
    expect(
      withClass.checks.find(c => c.id === 'taint-toleration')?.result,
    ).toBe('pass');
    expect(missing.checks[0]).toMatchObject({
      id: 'image-os-build',
      result: 'fail',
      message: expect.stringMatching(
        /RuntimeClass "windows-next" does not exist/,
      ),
    });
    expect(result.summary).toMatchObject({ documents: 3, workloads: 2 });
  });

  it('judges every workload kind, and only workloads', () => {
    const podSpec = [
      'nodeSelector: { kubernetes.io/os: windows }',
      TOLERATE_WIN,
      'containers: [{ name: m, image: "winreadydemo.azurecr.io/orders/api:1.4.2-1803" }]',
    ];
    const template = (indent: string) =>
      [`${indent}template:`, `${indent}  spec:`]
        .concat(podSpec.map(line => `${indent}    ${line}`))
        .join('\n');
    const kinds = [
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'Job',
    ]
      .map(kind =>
        [
          `apiVersion: apps/v1`,
          `kind: ${kind}`,
          `metadata: { name: w }`,
          'spec:',
          template('  '),
        ].join('\n'),
      )
      .concat(
        [
          'apiVersion: batch/v1',
          'kind: CronJob',
          'metadata: { name: w }',
          'spec:',
          '  jobTemplate:',
          '    spec:',
          template('      '),
        ].join('\n'),
        ['apiVersion: v1', 'kind: Pod', 'metadata: { name: w }', 'spec:']
          .concat(podSpec.map(line => `  ${line}`))
          .join('\n'),
        'apiVersion: v1\nkind: Service\nmetadata: { name: w }',
      );
    const result = check({ 'all.yaml': kinds.join('\n---\n') });
    expect(result.workloads.map(w => [w.kind, w.status])).toEqual(
      [
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'ReplicaSet',
        'Job',
        'CronJob',
        'Pod',
      ].map(kind => [kind, 'blocked']),
    );
  });

  it('reports the cluster’s pools and its own check, and whether its data is stale', () => {
    const result = checkManifests([], cluster('aks-neu-modern'), {
      images: fleet.images,
      asOf: AS_OF,
      stale: true,
    });
    expect(result.cluster).toMatchObject({
      name: 'aks-neu-modern',
      stale: true,
      checks: [{ id: 'windows-pool-taint', result: 'warn' }],
    });
    expect(result.cluster.pools.map(p => p.name)).toEqual(
      cluster('aks-neu-modern').nodePools.map(p => p.name),
    );
    expect(result.cluster.pools.every(p => p.services.length === 0)).toBe(true);
    expect(result.asOf).toBe('2026-11-27T00:00:00.000Z');
  });
});
