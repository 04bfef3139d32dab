import type { EventObject, PodObject } from '../../model';
import type { PodSignal } from '../podSignals';
import * as m from './messages';
import { NODE, UNSCHEDULABLE, event, pod, signal, waiting } from './podCases';

/**
 * docs/rules.md rule 4, pod by pod: events count only for the pod they are about
 * (by uid where both carry one), an earlier container only while the current
 * one has not started since, a sandbox mismatch is told apart.
 */
const CURRENT_UID = '6f1c2b9e-5a7d-4e0b-9c1a-3d2f8e7b6a50';
const EARLIER_UID = '0b8e6d4c-2a1f-4c3e-8d7b-9a6f5e4d3c21';

const withUid = (p: PodObject, uid?: string): PodObject => ({
  ...p,
  metadata: { ...p.metadata, ...(uid ? { uid } : {}) },
});

const running = (startedAt: string) => ({
  name: 'app',
  ready: true,
  state: { running: { startedAt } },
});

/** [case, pod, events, the signals expected]. */
export const RULE4_CASES: Array<
  [string, PodObject, EventObject[], PodSignal[]]
> = [
  [
    'a StatefulSet pod named like its predecessor ignores the old pod’s event',
    withUid(
      pod(
        { containerStatuses: [running('2026-11-20T08:00:00Z')] },
        { nodeName: NODE },
      ),
      CURRENT_UID,
    ),
    [event('Failed', m.HCS_CONTAINERD, { uid: EARLIER_UID })],
    [],
  ],
  [
    'an event with the pod’s own uid counts',
    withUid(pod({}, { nodeName: NODE }), CURRENT_UID),
    [event('Failed', m.HCS_CONTAINERD, { uid: CURRENT_UID })],
    [signal('os-mismatch', 'Failed', m.HCS_CONTAINERD, NODE)],
  ],
  [
    'an event without a uid (hand-written) matches by name',
    withUid(pod({}, { nodeName: NODE }), CURRENT_UID),
    [event('Failed', m.PULL_NO_MATCH)],
    [signal('platform-mismatch', 'Failed', m.PULL_NO_MATCH, NODE)],
  ],
  [
    'a pod without a uid (hand-written) takes events by name',
    pod({}, { nodeName: NODE }),
    [event('Failed', m.PULL_NO_MATCH, { uid: EARLIER_UID })],
    [signal('platform-mismatch', 'Failed', m.PULL_NO_MATCH, NODE)],
  ],
  [
    'a terminated earlier container does not count once the current one runs',
    pod(
      {
        containerStatuses: [
          {
            ...running('2026-11-21T10:00:00Z'),
            restartCount: 1,
            lastState: {
              terminated: { reason: 'StartError', message: m.HCS_CONTAINERD },
            },
          },
        ],
      },
      { nodeName: NODE },
    ),
    [],
    [],
  ],
  [
    'a sandbox (pause) mismatch is the node’s, not the image’s',
    pod({ phase: 'Pending' }, { nodeName: NODE }),
    [event('FailedCreatePodSandBox', m.SANDBOX_MISMATCH)],
    [
      signal(
        'sandbox-mismatch',
        'FailedCreatePodSandBox',
        m.SANDBOX_MISMATCH,
        NODE,
      ),
    ],
  ],
  [
    'the older sandbox wording, without the event reason',
    pod({ phase: 'Pending' }, { nodeName: NODE }),
    [event('', m.SANDBOX_MISMATCH_OLD)],
    [signal('sandbox-mismatch', '', m.SANDBOX_MISMATCH_OLD, NODE)],
  ],
  [
    'Pending for memory next to a tainted system pool: both reasons kept',
    pod({
      phase: 'Pending',
      conditions: [
        { ...UNSCHEDULABLE, message: m.TAINT_SYSTEM_POOL_AND_MEMORY },
      ],
    }),
    [event('FailedScheduling', m.PREDICATES_NO_TAINT)],
    [
      signal(
        'untolerated-taint',
        'Unschedulable',
        m.TAINT_SYSTEM_POOL_AND_MEMORY,
      ),
      signal('unschedulable', 'FailedScheduling', m.PREDICATES_NO_TAINT),
    ],
  ],
  [
    'a Linux image pulled on a Windows node',
    pod(
      {
        containerStatuses: [
          waiting('ErrImagePull', m.PULL_LINUX_ONLY_ON_WINDOWS),
        ],
      },
      { nodeName: NODE },
    ),
    [],
    [
      signal(
        'platform-mismatch',
        'ErrImagePull',
        m.PULL_LINUX_ONLY_ON_WINDOWS,
        NODE,
      ),
    ],
  ],
];
