import type { EventObject, PodObject, PodSpec, PodStatus } from '../../model';
import type { PodSignal, PodSignalKind } from '../podSignals';
import * as m from './messages';

/** Pods and events as kubectl returns them (messages: ./messages.ts). */
export const NAME = 'web-5d4f8c7b9-abcde';
export const NODE = 'aksnpwin000000';

export const pod = (status: PodStatus, spec: PodSpec = {}): PodObject => ({
  kind: 'Pod',
  metadata: { name: NAME, namespace: 'shop' },
  spec,
  status,
});

export const event = (
  reason: string,
  message: string,
  involved: EventObject['involvedObject'] = {},
): EventObject => ({
  kind: 'Event',
  metadata: { namespace: 'shop' },
  involvedObject: { kind: 'Pod', name: NAME, namespace: 'shop', ...involved },
  reason,
  message,
});

export const waiting = (reason: string, message?: string) => ({
  name: 'app',
  state: { waiting: { reason, message } },
});

export const signal = (
  kind: PodSignalKind,
  reason: string | undefined,
  message: string,
  nodeName?: string,
): PodSignal => ({ kind, pod: NAME, nodeName, reason, message });

export const UNSCHEDULABLE = {
  type: 'PodScheduled',
  status: 'False',
  reason: 'Unschedulable',
  message: m.TAINT_NEW,
};

/** [case, pod, events, the signals expected]. */
export const POD_CASES: Array<[string, PodObject, EventObject[], PodSignal[]]> =
  [
    [
      'waiting RunContainerError',
      pod(
        { containerStatuses: [waiting('RunContainerError', m.HCS_CONTAINERD)] },
        { nodeName: NODE },
      ),
      [],
      [signal('os-mismatch', 'RunContainerError', m.HCS_CONTAINERD, NODE)],
    ],
    [
      'waiting CreateContainerError (Docker wording)',
      pod(
        {
          containerStatuses: [
            waiting('CreateContainerError', m.HCS_DOCKER_OLD),
          ],
        },
        { nodeName: NODE },
      ),
      [],
      [signal('os-mismatch', 'CreateContainerError', m.HCS_DOCKER_OLD, NODE)],
    ],
    [
      'terminated StartError',
      pod(
        {
          containerStatuses: [
            {
              state: {
                terminated: {
                  reason: 'StartError',
                  message: m.HCS_CONTAINERD,
                  exitCode: 128,
                },
              },
            },
          ],
        },
        { nodeName: NODE },
      ),
      [],
      [signal('os-mismatch', 'StartError', m.HCS_CONTAINERD, NODE)],
    ],
    [
      'CrashLoopBackOff now, the mismatch in lastState',
      pod(
        {
          containerStatuses: [
            {
              state: {
                waiting: {
                  reason: 'CrashLoopBackOff',
                  message: m.CRASH_BACK_OFF,
                },
              },
              lastState: {
                terminated: { reason: 'StartError', message: m.HCS_CONTAINERD },
              },
            },
          ],
        },
        { nodeName: NODE },
      ),
      [],
      [signal('os-mismatch', 'StartError', m.HCS_CONTAINERD, NODE)],
    ],
    [
      'a waiting lastState',
      pod({
        containerStatuses: [
          {
            lastState: {
              waiting: { reason: 'RunContainerError', message: m.HCS_HRESULT },
            },
          },
        ],
      }),
      [],
      [signal('os-mismatch', 'RunContainerError', m.HCS_HRESULT)],
    ],
    [
      'an init container that cannot start',
      pod(
        {
          initContainerStatuses: [waiting('RunContainerError', m.HCS_DOCKER)],
          containerStatuses: [waiting('PodInitializing')],
        },
        { nodeName: NODE },
      ),
      [],
      [signal('os-mismatch', 'RunContainerError', m.HCS_DOCKER, NODE)],
    ],
    [
      'ErrImagePull with no platform match',
      pod(
        { containerStatuses: [waiting('ErrImagePull', m.PULL_NO_MATCH)] },
        { nodeName: NODE },
      ),
      [],
      [signal('platform-mismatch', 'ErrImagePull', m.PULL_NO_MATCH, NODE)],
    ],
    [
      'a pull Failed event',
      pod(
        {
          containerStatuses: [waiting('ImagePullBackOff', m.BACK_OFF_PULLING)],
        },
        { nodeName: NODE },
      ),
      [event('Failed', m.PULL_NO_MATCH)],
      [signal('platform-mismatch', 'Failed', m.PULL_NO_MATCH, NODE)],
    ],
    [
      'a Pending pod on an untolerated taint',
      pod({ phase: 'Pending', conditions: [UNSCHEDULABLE] }),
      [],
      [signal('untolerated-taint', 'Unschedulable', m.TAINT_NEW)],
    ],
    [
      'a FailedScheduling event (older wording)',
      pod({ phase: 'Pending' }),
      [event('FailedScheduling', m.TAINT_OLD)],
      [signal('untolerated-taint', 'FailedScheduling', m.TAINT_OLD)],
    ],
    [
      'a taint message on a pod scheduled since',
      pod(
        { phase: 'Running', conditions: [UNSCHEDULABLE] },
        { nodeName: NODE },
      ),
      [event('FailedScheduling', m.TAINT_OLDEST)],
      [],
    ],
    [
      'a scheduled pod keeps its OS mismatch, not its taint history',
      pod(
        {
          conditions: [UNSCHEDULABLE],
          containerStatuses: [waiting('RunContainerError', m.HCS_CONTAINERD)],
        },
        { nodeName: NODE },
      ),
      [event('FailedScheduling', m.TAINT_NEW_EMPTY_VALUE)],
      [signal('os-mismatch', 'RunContainerError', m.HCS_CONTAINERD, NODE)],
    ],
    [
      "another pod's events",
      pod({ phase: 'Pending' }),
      [event('FailedScheduling', m.TAINT_NEW, { name: 'web-5d4f8c7b9-zzzzz' })],
      [],
    ],
    [
      'events of a ReplicaSet with the same name',
      pod({ phase: 'Pending' }),
      [event('FailedCreate', m.TAINT_NEW, { kind: 'ReplicaSet' })],
      [],
    ],
    [
      'events of a same-named pod in another namespace',
      pod({ phase: 'Pending' }),
      [event('FailedScheduling', m.TAINT_NEW, { namespace: 'other' })],
      [],
    ],
    [
      'a condition and an event with the same message',
      pod({ phase: 'Pending', conditions: [UNSCHEDULABLE] }),
      [
        event('FailedScheduling', m.TAINT_NEW),
        event('FailedScheduling', m.TAINT_NEW),
      ],
      [signal('untolerated-taint', 'Unschedulable', m.TAINT_NEW)],
    ],
    [
      'state and lastState with the same message',
      pod({
        containerStatuses: [
          {
            state: {
              waiting: {
                reason: 'RunContainerError',
                message: m.HCS_CONTAINERD,
              },
            },
            lastState: {
              terminated: { reason: 'StartError', message: m.HCS_CONTAINERD },
            },
          },
        ],
      }),
      [event('Failed', m.HCS_CONTAINERD)],
      [signal('os-mismatch', 'RunContainerError', m.HCS_CONTAINERD)],
    ],
    [
      'two different messages of one kind',
      pod({
        containerStatuses: [
          waiting('RunContainerError', m.HCS_CONTAINERD),
          waiting('CreateContainerError', m.HCS_DOCKER),
        ],
      }),
      [],
      [
        signal('os-mismatch', 'RunContainerError', m.HCS_CONTAINERD),
        signal('os-mismatch', 'CreateContainerError', m.HCS_DOCKER),
      ],
    ],
    [
      'unrelated failures: Pending for cpu, a refused pull, OOMKilled',
      pod({
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: m.INSUFFICIENT_CPU,
          },
        ],
        containerStatuses: [
          waiting('ImagePullBackOff', m.BACK_OFF_PULLING),
          { state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } },
        ],
      }),
      [
        event('Failed', m.PULL_UNAUTHORIZED),
        event('Unhealthy', m.PROBE_FAILED),
        event('BackOff', m.CRASH_BACK_OFF),
      ],
      [signal('unschedulable', 'Unschedulable', m.INSUFFICIENT_CPU)],
    ],
    ['a pod without status', pod(undefined as unknown as PodStatus), [], []],
  ];
