import type {
  ContainerStatus,
  EventObject,
  KubernetesObject,
  PodObject,
} from '../model';

export type PodSignalKind =
  | 'os-mismatch'
  | 'platform-mismatch'
  /** The pod's sandbox (pause image) does not match the node: the node's problem. */
  | 'sandbox-mismatch'
  /** Pending, and the scheduler names untolerated taints among its reasons. */
  | 'untolerated-taint'
  /** Pending for other reasons (resources, selector, affinity). */
  | 'unschedulable';

/** A symptom seen on a pod: the message a person would find with kubectl describe. */
export interface PodSignal {
  kind: PodSignalKind;
  pod: string;
  nodeName?: string;
  reason?: string;
  message: string;
}

// HCS_E_IMAGE_MISMATCH in its current, older and Docker wordings.
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
  /no matching manifest for (windows|linux)/i,
];

// kube-scheduler's tainttoleration wordings, newest first: `N node(s) had
// untolerated taint(s)`, `had untolerated taint {k: v}`, `had taint {k: v},
// that the pod didn't tolerate`, `had taints that the pod didn't tolerate`,
// and the predicate name of the oldest schedulers.
const UNTOLERATED_TAINT = [
  /untolerated taint/i,
  /had taints? \{[^}]*\},? that the pod didn't tolerate/i,
  /had taints that the pod didn't tolerate/i,
  /PodToleratesNodeTaints/,
];

// The kubelet creates the sandbox (pause container) before any container.
const SANDBOX = [/FailedCreatePodSandBox/, /CreatePodSandbox/, /pod sandbox/i];

export function classifyMessage(
  message: string | undefined,
  reason?: string,
): PodSignalKind | undefined {
  if (!message) return undefined;
  if (OS_MISMATCH.some(pattern => pattern.test(message))) {
    const sandbox = SANDBOX.some(
      pattern => pattern.test(reason ?? '') || pattern.test(message),
    );
    return sandbox ? 'sandbox-mismatch' : 'os-mismatch';
  }
  if (PLATFORM_MISMATCH.some(pattern => pattern.test(message))) {
    return 'platform-mismatch';
  }
  if (UNTOLERATED_TAINT.some(pattern => pattern.test(message))) {
    return 'untolerated-taint';
  }
  return undefined;
}

/** A scheduler's verdict on a pod it could not place. */
function isSchedulingFailure(reason: string | undefined, message: string) {
  return (
    reason === 'Unschedulable' ||
    reason === 'FailedScheduling' ||
    /\d+\/\d+ nodes are available/.test(message) ||
    /No nodes are available that match/.test(message)
  );
}

type Candidate = { reason?: string; message?: string };

/** Rule 4: an earlier container counts only while the current one has not started since. */
function addContainerMessages(
  statuses: readonly ContainerStatus[] | undefined,
  into: Candidate[],
) {
  for (const status of statuses ?? []) {
    const states = status.state?.running
      ? [status.state]
      : [status.state, status.lastState];
    for (const state of states) {
      if (state?.waiting?.message) into.push(state.waiting);
      if (state?.terminated?.message) into.push(state.terminated);
    }
  }
}

/**
 * Rule 4: an event is about this pod when its involvedObject names it and,
 * where both carry one, has its uid (names are reused by StatefulSets, bare
 * pods and Jobs).
 */
export function isEventOfPod(
  event: EventObject,
  pod: KubernetesObject,
): boolean {
  const involved = event.involvedObject;
  const namespace = pod.metadata?.namespace ?? 'default';
  if (involved?.kind !== 'Pod' || involved.name !== pod.metadata?.name) {
    return false;
  }
  if (
    (involved.namespace ?? event.metadata?.namespace ?? 'default') !== namespace
  ) {
    return false;
  }
  const podUid = pod.metadata?.uid;
  return !podUid || !involved.uid || involved.uid === podUid;
}

/** The OS and scheduling symptoms of one pod, from its status and its events. */
export function podSignals(
  pod: PodObject,
  events: readonly EventObject[],
): PodSignal[] {
  const name = pod.metadata?.name ?? '';
  const scheduled = !!pod.spec?.nodeName;
  const candidates: Candidate[] = [];
  addContainerMessages(pod.status?.containerStatuses, candidates);
  addContainerMessages(pod.status?.initContainerStatuses, candidates);
  for (const condition of pod.status?.conditions ?? []) {
    if (condition.message) candidates.push(condition);
  }
  for (const event of events) {
    if (isEventOfPod(event, pod)) candidates.push(event);
  }
  const signals: PodSignal[] = [];
  const seen = new Set<string>();
  for (const { reason, message } of candidates) {
    if (!message) continue;
    let kind = classifyMessage(message, reason);
    if (!kind && isSchedulingFailure(reason, message)) kind = 'unschedulable';
    if (!kind) continue;
    const aboutScheduling =
      kind === 'untolerated-taint' || kind === 'unschedulable';
    // A scheduling message on a pod that got scheduled since is history.
    if (aboutScheduling && scheduled) continue;
    if (seen.has(`${kind}:${message}`)) continue;
    seen.add(`${kind}:${message}`);
    signals.push({
      kind,
      pod: name,
      nodeName: pod.spec?.nodeName,
      reason,
      message,
    });
  }
  return signals;
}
