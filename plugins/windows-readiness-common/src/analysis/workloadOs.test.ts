import {
  LINUX,
  SYSTEM,
  TOLERATE_OS,
  WINDOWS_CHECKS,
  WIN22,
  analysisOf,
  deployment,
  judge,
  type Scene,
} from '../__testUtils__/ruleFleet';
import type {
  CheckId,
  CheckResultValue,
  KubernetesObject,
  PodSpec,
} from '../model';
import {
  APP_LTSC2022,
  APP_UNAUTHORIZED,
  GOLANG_1_25,
  NGINX,
  REAL_IMAGES,
} from './__fixtures__/images';
import type { WindowsInvolvement } from './workloadOs';

/** docs/rules.md rule 1: a workload's OS comes from where it can be scheduled. */

const MIXED = [SYSTEM, LINUX, WIN22];
const spec = (image: string, extra: PodSpec = {}): PodSpec => ({
  containers: [{ name: 'app', image }],
  ...extra,
});
const scene = (
  podSpec: PodSpec,
  pools = MIXED,
  objects: KubernetesObject[] = [],
): Scene => ({
  pools,
  objects: [deployment(podSpec), ...objects],
  images: REAL_IMAGES,
});

const allSkip = Object.fromEntries(WINDOWS_CHECKS.map(id => [id, 'skip']));

const RUNTIME_CLASS: KubernetesObject = {
  apiVersion: 'node.k8s.io/v1',
  kind: 'RuntimeClass',
  metadata: { name: 'windows-2022' },
  handler: 'runhcs-wcow-process',
  scheduling: {
    nodeSelector: { 'kubernetes.io/os': 'windows' },
    tolerations: TOLERATE_OS,
  },
};

/** [case, scene, involvement, results of some checks, status]. */
const CASES: Array<
  [
    string,
    Scene,
    WindowsInvolvement,
    Partial<Record<CheckId, CheckResultValue>>,
    string,
  ]
> = [
  [
    'a multi-OS tag pinned to Linux runs its Linux variant',
    scene(spec(GOLANG_1_25, { nodeSelector: { 'kubernetes.io/os': 'linux' } })),
    'no',
    { ...allSkip, 'linux-isolation': 'pass' },
    'not-applicable',
  ],
  [
    'a multi-OS tag pinned to a Linux OS SKU',
    scene(
      spec(GOLANG_1_25, {
        nodeSelector: { 'kubernetes.azure.com/os-sku': 'Ubuntu' },
      }),
    ),
    'no',
    allSkip,
    'not-applicable',
  ],
  [
    'nginx pinned to os-sku Windows2022 cannot start',
    scene(
      spec(NGINX, {
        nodeSelector: { 'kubernetes.azure.com/os-sku': 'Windows2022' },
        tolerations: TOLERATE_OS,
      }),
    ),
    'yes',
    {
      'image-os-build': 'fail',
      'os-selector': 'pass',
      'linux-isolation': 'skip',
    },
    'blocked',
  ],
  [
    'nginx pinned through node.kubernetes.io/windows-build',
    scene(
      spec(NGINX, {
        nodeSelector: { 'node.kubernetes.io/windows-build': '10.0.20348' },
      }),
    ),
    'yes',
    { 'image-os-build': 'fail' },
    'blocked',
  ],
  [
    'a Windows-only image pinned to Linux by a copied chart value',
    scene(
      spec(APP_LTSC2022, { nodeSelector: { 'kubernetes.io/os': 'linux' } }),
    ),
    'yes',
    { 'image-os-build': 'fail', 'os-selector': 'fail' },
    'blocked',
  ],
  [
    'a multi-OS tag without OS selection is judged on the Windows pools',
    scene(spec(GOLANG_1_25, { tolerations: TOLERATE_OS })),
    'yes',
    {
      'image-os-build': 'pass',
      'os-selector': 'warn',
      'taint-toleration': 'pass',
    },
    'at-risk',
  ],
  [
    'a Linux-only image without OS selection is a Linux workload',
    scene(spec(NGINX)),
    'no',
    { ...allSkip, 'linux-isolation': 'pass' },
    'not-applicable',
  ],
  [
    'a Windows-only image without OS selection can land on Linux',
    scene(spec(APP_LTSC2022, { tolerations: TOLERATE_OS })),
    'yes',
    { 'os-selector': 'fail', 'image-os-build': 'pass' },
    'blocked',
  ],
  [
    'Windows through a RuntimeClass',
    scene(spec(APP_LTSC2022, { runtimeClassName: 'windows-2022' }), MIXED, [
      RUNTIME_CLASS,
    ]),
    'yes',
    {
      'os-selector': 'pass',
      'taint-toleration': 'pass',
      'image-os-build': 'pass',
    },
    'at-risk',
  ],
  [
    'a selection matching no pool, with a Windows-only image',
    scene(spec(APP_LTSC2022, { nodeSelector: { team: 'nobody' } })),
    'yes',
    { 'image-os-build': 'fail' },
    'blocked',
  ],
  [
    'a selection matching no pool that selects Windows (Linux-only cluster)',
    scene(spec(NGINX, { nodeSelector: { 'kubernetes.io/os': 'windows' } }), [
      SYSTEM,
      LINUX,
    ]),
    'yes',
    { 'image-os-build': 'fail' },
    'blocked',
  ],
  [
    'a selection matching no pool, with a Linux image',
    scene(spec(NGINX, { nodeSelector: { team: 'nobody' } })),
    'no',
    allSkip,
    'not-applicable',
  ],
  [
    'a multi-OS tag in a Linux-only cluster',
    scene(spec(GOLANG_1_25), [SYSTEM, LINUX]),
    'no',
    allSkip,
    'not-applicable',
  ],
  [
    'an image the registry has not described, pinned to Linux',
    scene(
      spec(APP_UNAUTHORIZED, { nodeSelector: { 'kubernetes.io/os': 'linux' } }),
    ),
    'no',
    allSkip,
    'not-applicable',
  ],
  [
    'an image the registry has not described, OS not settled',
    scene(spec(APP_UNAUTHORIZED)),
    'unknown',
    {
      'image-os-build': 'unknown',
      'os-selector': 'skip',
      'taint-toleration': 'skip',
      'linux-isolation': 'skip',
    },
    'unknown',
  ],
];

describe('rule 1: the OS comes from where a workload can be scheduled', () => {
  it.each(CASES)('%s', (_label, input, involvement, checks, status) => {
    expect(analysisOf(input).windows).toBe(involvement);
    const result = judge(input);
    expect(result.status).toBe(status);
    expect(result.involvesWindows).toBe(involvement !== 'no');
    const results = Object.fromEntries(
      result.checks.map(check => [check.id, check.result]),
    );
    expect(results).toMatchObject(checks);
  });

  it('says why it cannot tell, and what would settle it', () => {
    const check = judge(scene(spec(APP_UNAUTHORIZED))).checks[0];
    expect(check.message).toContain(
      'the registry has not described contoso.azurecr.io/app:7.3',
    );
    expect(check.remediation?.summary).toMatch(
      /check the registry's credentials/,
    );
  });
});
