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

type Candidate = { reason?: string; message?: string };

function addContainerMessages(
  statuses: readonly ContainerStatus[] | undefined,
  into: Candidate[],
) {
  for (const status of statuses ?? []) {
    for (const state of [status.state, status.lastState]) {
      if (state?.waiting?.message) into.push(state.waiting);
      if (state?.terminated?.message) into.push(state.terminated);
    }
  }
}

/** The OS and scheduling symptoms of one pod, from its status and its events. */
export function podSignals(
  pod: PodObject,
  events: readonly EventObject[],
): PodSignal[] {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? 'default';
  const candidates: Candidate[] = [];
  addContainerMessages(pod.status?.containerStatuses, candidates);
  addContainerMessages(pod.status?.initContainerStatuses, candidates);
  for (const condition of pod.status?.conditions ?? []) {
    if (condition.message) candidates.push(condition);
  }
  for (const event of events) {
    if (
      event.involvedObject?.kind === 'Pod' &&
      event.involvedObject?.name === name &&
      (event.involvedObject?.namespace ??
        event.metadata?.namespace ??
        'default') === namespace
    ) {
      candidates.push(event);
    }
  }
  if (candidates.length === 0) return [];
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
