import type { ContainerStatus, EventObject, PodObject } from '../model';

export type PodSignalKind =
  | 'os-mismatch'
  | 'platform-mismatch'
  | 'untolerated-taint';

/** A symptom seen on a pod: the message a person would find with kubectl describe. */
export interface PodSignal {
  kind: PodSignalKind;
  pod: string;
  nodeName?: string;
  reason?: string;
  message: string;
}

// HCS_E_IMAGE_MISMATCH in its current, older and Docker wordings (facts 1.3).
const OS_MISMATCH = [
  /does not match the host operating system/i,
  /does not match the operating system of the host/i,
  /0xc0370101/i,
  /0x80370101/i,
  /image is incompatible with/i,
];

// The index had no entry this node can use (pull time).
const PLATFORM_MISMATCH = [
  /no match for platform in manifest/i,
  /no matching manifest for windows/i,
];

// New (`untolerated taint {k: v}`) and older scheduler wordings.
const UNTOLERATED_TAINT = [
  /untolerated taint/i,
  /had taints? \{[^}]*\},? that the pod didn't tolerate/i,
  /had taints that the pod didn't tolerate/i,
];

export function classifyMessage(
  message: string | undefined,
): PodSignalKind | undefined {
  if (!message) return undefined;
  if (OS_MISMATCH.some(pattern => pattern.test(message))) return 'os-mismatch';
  if (PLATFORM_MISMATCH.some(pattern => pattern.test(message))) {
    return 'platform-mismatch';
  }
  if (UNTOLERATED_TAINT.some(pattern => pattern.test(message))) {
    return 'untolerated-taint';
  }
  return undefined;
}

function containerMessages(statuses: readonly ContainerStatus[] = []) {
  return statuses.flatMap(status =>
    [status.state, status.lastState].flatMap(state => [
      { reason: state?.waiting?.reason, message: state?.waiting?.message },
      {
        reason: state?.terminated?.reason,
        message: state?.terminated?.message,
      },
    ]),
  );
}

/** The OS and scheduling symptoms of one pod, from its status and its events. */
export function podSignals(
  pod: PodObject,
  events: readonly EventObject[],
): PodSignal[] {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? 'default';
  const candidates = [
    ...containerMessages(pod.status?.containerStatuses),
    ...containerMessages(pod.status?.initContainerStatuses),
    ...(pod.status?.conditions ?? []).map(condition => ({
      reason: condition.reason,
      message: condition.message,
    })),
    ...events
      .filter(
        event =>
          event.involvedObject?.kind === 'Pod' &&
          event.involvedObject?.name === name &&
          (event.involvedObject?.namespace ??
            event.metadata?.namespace ??
            'default') === namespace,
      )
      .map(event => ({ reason: event.reason, message: event.message })),
  ];
  const signals: PodSignal[] = [];
  const seen = new Set<string>();
  for (const { reason, message } of candidates) {
    const kind = classifyMessage(message);
    // A taint message on a pod that got scheduled since is history, not a symptom.
    if (!kind || (kind === 'untolerated-taint' && pod.spec?.nodeName)) continue;
    if (seen.has(`${kind}:${message}`)) continue;
    seen.add(`${kind}:${message}`);
    signals.push({
      kind,
      pod: name,
      nodeName: pod.spec?.nodeName,
      reason,
      message: message!,
    });
  }
  return signals;
}
