import {
  LINUX,
  SYSTEM,
  TOLERATE_OS,
  WIN22,
  checkOf,
  deployment,
  event,
  pod,
  type Scene,
} from '../__testUtils__/ruleFleet';
import {
  APP_LTSC2022,
  NGINX,
  REAL_IMAGES,
} from '../analysis/__fixtures__/images';
import type {
  CheckResultValue,
  EventObject,
  PodObject,
  PodSpec,
} from '../model';
import * as m from '../pods/__fixtures__/messages';

/**
 * docs/rules.md rule 4: observed pods are judged by what the cluster says about
 * them; a Pending pod is blamed on a taint only when the taint explains it.
 */

const POOLS = [SYSTEM, LINUX, WIN22];
const OWNER = { kind: 'StatefulSet', name: 'web' };
const CURRENT_UID = '6f1c2b9e-5a7d-4e0b-9c1a-3d2f8e7b6a50';
const EARLIER_UID = '0b8e6d4c-2a1f-4c3e-8d7b-9a6f5e4d3c21';

const windows = (tolerate: boolean): PodSpec => ({
  nodeSelector: { 'kubernetes.io/os': 'windows' },
  ...(tolerate ? { tolerations: TOLERATE_OS } : {}),
  containers: [{ name: 'app', image: APP_LTSC2022 }],
});
const linux: PodSpec = {
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  containers: [{ name: 'web', image: NGINX }],
};
const unschedulable = (message: string) => ({
  phase: 'Pending',
  conditions: [
    { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message },
  ],
});
const pending = (message: string) =>
  pod('web-0', OWNER, {}, unschedulable(message));
const onNode = (uid?: string, status: PodObject['status'] = {}) =>
  pod('web-0', OWNER, { nodeName: 'aksnpw22000000' }, status, uid);

const scene = (
  spec: PodSpec,
  pods: PodObject[],
  events: EventObject[] = [],
): Scene => ({
  pools: POOLS,
  objects: [deployment(spec, 'web', 'StatefulSet'), ...pods, ...events],
  images: REAL_IMAGES,
});

/** [case, scene, result, what the evidence or message says]. */
const CASES: Array<[string, Scene, CheckResultValue, RegExp]> = [
  [
    'Pending on a taint the workload does not tolerate (current wording)',
    scene(windows(false), [pending(m.TAINT_CURRENT)]),
    'fail',
    /Pending on an untolerated taint/,
  ],
  [
    'Pending on a taint it does not tolerate (older wording)',
    scene(windows(false), [pending(m.TAINT_OLD)]),
    'fail',
    /Pending on an untolerated taint/,
  ],
  [
    'Pending for memory in a cluster whose system pool is tainted',
    scene(windows(true), [pending(m.TAINT_SYSTEM_POOL_AND_MEMORY)]),
    'pass',
    /Pending, not for a Windows reason: .*5 Insufficient memory/,
  ],
  [
    'a Linux pod Pending for memory next to tainted pools',
    scene(linux, [pending(m.TAINT_CURRENT_AND_MEMORY)]),
    'pass',
    /Pending, not for a Windows reason/,
  ],
  [
    'Pending on named taints, cpu and memory, with an eligible pool',
    scene(windows(true), [pending(m.TAINTS_CPU_MEMORY)]),
    'pass',
    /8 Insufficient memory/,
  ],
  [
    'Pending only because the selector matches nothing',
    scene(windows(true), [pending(m.SELECTOR_MISMATCH)]),
    'pass',
    /didn't match Pod's node affinity\/selector/,
  ],
  [
    'a Linux image pulled on a Windows node',
    scene({ containers: [{ name: 'web', image: NGINX }] }, [
      onNode(undefined, {
        containerStatuses: [
          {
            name: 'web',
            state: {
              waiting: {
                reason: 'ErrImagePull',
                message: m.PULL_LINUX_ONLY_ON_WINDOWS,
              },
            },
          },
        ],
      }),
    ]),
    'fail',
    /no match for platform in manifest/,
  ],
  [
    'a StatefulSet pod that replaced one the node refused',
    scene(
      windows(true),
      [
        onNode(CURRENT_UID, {
          phase: 'Running',
          containerStatuses: [
            { name: 'app', ready: true, state: { running: {} } },
          ],
        }),
      ],
      [event('web-0', 'Failed', m.HCS_CONTAINERD, EARLIER_UID)],
    ),
    'pass',
    /1 observed pod\(s\) show no OS mismatch/,
  ],
  [
    'the refusal of the current pod itself',
    scene(
      windows(true),
      [onNode(CURRENT_UID)],
      [event('web-0', 'Failed', m.HCS_CONTAINERD, CURRENT_UID)],
    ),
    'fail',
    /does not match the host operating system/,
  ],
  [
    'a sandbox mismatch is the node’s problem',
    scene(
      windows(true),
      [onNode(CURRENT_UID, { phase: 'Pending' })],
      [event('web-0', 'FailedCreatePodSandBox', m.SANDBOX_MISMATCH)],
    ),
    'fail',
    /sandbox \(pause\) image does not match its Windows build; the workload's image is not at fault/,
  ],
];

describe('rule 4: pod-status for every workload', () => {
  it.each(CASES)('%s', (_label, input, expected, says) => {
    const check = checkOf(input, 'pod-status');
    expect(check.result).toBe(expected);
    expect(
      [check.message, ...check.evidence.map(e => e.detail)].join(' '),
    ).toMatch(says);
  });

  it('tells a Linux workload to stay off Windows nodes', () => {
    const [, input] = CASES[6];
    expect(checkOf(input, 'pod-status').remediation?.snippet).toContain(
      'kubernetes.io/os: linux',
    );
  });

  it('points at the node image, not the workload image, for a sandbox', () => {
    const [, input] = CASES[9];
    const check = checkOf(input, 'pod-status');
    expect(check.remediation?.summary).toMatch(/node image/);
    expect(check.remediation?.summary).not.toMatch(/image-os-build/);
    expect(check.evidence[0]).toMatchObject({ pool: 'npw22' });
    expect(checkOf(input, 'image-os-build').result).toBe('pass');
  });
});
