import {
  LINUX,
  SYSTEM,
  TOLERATE_OS,
  WIN22,
  WIN25,
  deployment,
  judge,
  pod,
  type Scene,
} from '../__testUtils__/ruleFleet';
import {
  APP_LTSC2022,
  APP_UNAUTHORIZED,
  APP_UNAUTHORIZED_RECORD,
  REAL_IMAGES,
} from '../analysis/__fixtures__/images';
import type { CheckId, CheckResultValue, NodePool, PodSpec } from '../model';

/** docs/rules.md rule 2: unknown is never Linux. */

const WS1803 = 'contoso.azurecr.io/legacy:1.0-1803';
const GONE = 'contoso.azurecr.io/app:9.9';
const NOT_LISTED = 'contoso.azurecr.io/app:new-tag';
const IMAGES = {
  ...REAL_IMAGES,
  [WS1803]: {
    platforms: [
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.17134.1305' },
    ],
  },
  [GONE]: {
    platforms: [],
    // The registry client's wording of a 404 (registryFetcher.ts).
    error:
      'contoso.azurecr.io answered 404 Not Found for manifest app:9.9 (MANIFEST_UNKNOWN: manifest unknown)',
  },
};
// An OS SKU the table does not know: its build is unknown.
const NEXT: NodePool = {
  name: 'npnext',
  osType: 'Windows',
  osSku: 'WindowsNext',
  taints: ['sku=next:NoSchedule'],
};

const windowsSpec = (images: string[], extra: PodSpec = {}): PodSpec => ({
  nodeSelector: { 'kubernetes.io/os': 'windows' },
  tolerations: TOLERATE_OS,
  containers: images.map((image, i) => ({ name: `c${i}`, image })),
  ...extra,
});
const scene = (podSpec: PodSpec, pools = [SYSTEM, LINUX, WIN22]): Scene => ({
  pools,
  objects: [deployment(podSpec)],
  images: IMAGES,
});

/** [case, scene, results of some checks, status, the reason it gives]. */
const CASES: Array<
  [
    string,
    Scene,
    Partial<Record<CheckId, CheckResultValue>>,
    string,
    RegExp | undefined,
  ]
> = [
  [
    'a registry without credentials leaves every platform rule open',
    scene(windowsSpec([APP_UNAUTHORIZED])),
    {
      'image-os-build': 'unknown',
      'build-selector': 'unknown',
      'taint-toleration': 'pass',
      'upgrade-path': 'unknown',
    },
    'unknown',
    /the registry has not described contoso\.azurecr\.io\/app:7\.3\b.*To settle it: check the registry's credentials/,
  ],
  [
    'a missing toleration gets the taint verdict, not a rebuild',
    scene(windowsSpec([APP_UNAUTHORIZED], { tolerations: [] })),
    { 'image-os-build': 'unknown', 'taint-toleration': 'fail' },
    'blocked',
    /check the registry's credentials/,
  ],
  [
    'a tag the registry does not have',
    scene(windowsSpec([GONE])),
    { 'image-os-build': 'unknown' },
    'unknown',
    /check that the tag exists in the registry/,
  ],
  [
    'an image the fleet file does not list',
    scene(windowsSpec([NOT_LISTED])),
    { 'image-os-build': 'unknown' },
    'unknown',
    /list its platforms under `images` in the fleet file/,
  ],
  [
    'unknown on every pool, eligible or not',
    scene(windowsSpec([APP_UNAUTHORIZED]), [SYSTEM, WIN22, NEXT]),
    { 'image-os-build': 'unknown', 'taint-toleration': 'pass' },
    'unknown',
    /check the registry's credentials/,
  ],
  [
    'a known image that cannot start settles it',
    scene(windowsSpec([APP_UNAUTHORIZED, WS1803])),
    { 'image-os-build': 'fail', 'taint-toleration': 'skip' },
    'blocked',
    // The checks the failing image does not settle still say why.
    /the registry has not described contoso\.azurecr\.io\/app:7\.3\b/,
  ],
  [
    'an unknown pool build counts only where pods can land',
    scene(windowsSpec([WS1803]), [SYSTEM, WIN22, NEXT]),
    { 'image-os-build': 'fail' },
    'blocked',
    undefined,
  ],
  [
    'an unknown pool build where pods can land is open',
    scene(
      windowsSpec([APP_LTSC2022], { tolerations: [{ operator: 'Exists' }] }),
      [SYSTEM, WIN25, NEXT],
    ),
    { 'image-os-build': 'pass', 'build-selector': 'unknown' },
    'unknown',
    /the Windows build of pool npnext is unknown .*add the OS SKU WindowsNext to windowsReadiness\.osSkus/,
  ],
  [
    'selected pools all Linux: not-applicable',
    scene({
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      containers: [{ name: 'app', image: APP_UNAUTHORIZED }],
    }),
    { 'image-os-build': 'skip' },
    'not-applicable',
    undefined,
  ],
];

describe('rule 2: an image the registry has not described', () => {
  it.each(CASES)('%s', (_label, input, checks, status, reason) => {
    const result = judge(input);
    expect(result.status).toBe(status);
    const byId = Object.fromEntries(result.checks.map(c => [c.id, c]));
    expect(
      Object.fromEntries(Object.keys(checks).map(id => [id, byId[id].result])),
    ).toEqual(checks);
    const told = result.checks
      .filter(c => c.result === 'unknown')
      .map(c => `${c.message} ${c.remediation?.summary}`);
    expect(told.length > 0).toBe(reason !== undefined);
    for (const text of told) expect(text).toMatch(reason!);
  });

  it('names every selected Windows pool, eligible or not', () => {
    const result = judge(
      scene(windowsSpec([APP_UNAUTHORIZED]), [SYSTEM, WIN22, NEXT]),
    );
    expect(result.checks[0].message).toMatch(
      /^Cannot tell whether the images start on npw22, npnext: /,
    );
  });

  it('judges the pools of the nodes its pods run on', () => {
    const input = scene(windowsSpec([APP_UNAUTHORIZED]));
    input.objects.push(
      pod(
        'web-7c6b5a4d3-zz9yx',
        { kind: 'ReplicaSet', name: 'web-7c6b5a4d3' },
        { nodeName: 'aksnpw22000000' },
        { phase: 'Running' },
      ),
    );
    const upgrade = judge(input).checks.find(c => c.id === 'upgrade-path')!;
    expect(upgrade).toMatchObject({
      result: 'unknown',
      evidence: [expect.objectContaining({ pool: 'npw22' })],
    });
    expect(upgrade.message).toContain(
      `the registry has not described ${APP_UNAUTHORIZED}`,
    );
    // What the registry said is kept as evidence.
    const build = judge(input).checks[0];
    expect(build.evidence[0].detail).toContain(APP_UNAUTHORIZED_RECORD.error);
  });
});
