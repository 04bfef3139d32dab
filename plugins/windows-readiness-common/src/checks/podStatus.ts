import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import { poolOfNode } from '../analysis/workloadAnalysis';
import type { CheckResult, Evidence, Remediation } from '../model';
import type { PodSignal, PodSignalKind } from '../pods/podSignals';
import { osSelectorSnippet } from './remediation';
import { objectRef, result, type CheckContext } from './context';

const ID = 'pod-status';

const WHAT: Record<PodSignalKind, string> = {
  'os-mismatch': 'OS build mismatch at container start',
  'platform-mismatch': 'no image platform for the node at pull time',
  'sandbox-mismatch':
    "a sandbox (pause image) that does not match its node's build",
  'untolerated-taint': 'Pending on an untolerated taint',
  unschedulable: 'Pending for a reason the scheduler gives',
};

/**
 * Rule 4: a Pending pod is blamed on a taint only when the taint explains it:
 * the scheduler names untolerated taints and no selected pool is eligible.
 */
function isFailure(signal: PodSignal, analysis: WorkloadAnalysis): boolean {
  if (signal.kind === 'unschedulable') return false;
  if (signal.kind === 'untolerated-taint') {
    return analysis.selected.length > 0 && analysis.eligible.length === 0;
  }
  return true;
}

function explain(signal: PodSignal, analysis: WorkloadAnalysis): string {
  const why = `${signal.reason ? `${signal.reason}: ` : ''}${signal.message}`;
  if (signal.kind === 'sandbox-mismatch') {
    return `the node's sandbox (pause) image does not match its Windows build; the workload's image is not at fault. ${why}`;
  }
  return isFailure(signal, analysis)
    ? why
    : `Pending, not for a Windows reason: ${why}`;
}

function evidenceOf(analysis: WorkloadAnalysis, signal: PodSignal): Evidence {
  const { workload } = analysis;
  const pool = signal.nodeName
    ? poolOfNode(signal.nodeName, analysis.pools)
    : undefined;
  const where = signal.nodeName ? `on ${signal.nodeName}: ` : '';
  return {
    cluster: workload.cluster,
    object: `Pod ${workload.namespace}/${signal.pod}`,
    ...(pool ? { pool: pool.name, osSku: pool.osSku } : {}),
    detail: `${where}${explain(signal, analysis)}`,
  };
}

function remediationFor(
  failures: readonly PodSignal[],
  analysis: WorkloadAnalysis,
): Remediation {
  const kinds = new Set(failures.map(signal => signal.kind));
  const ref = objectRef(analysis.workload);
  const parts: string[] = [];
  if (kinds.has('untolerated-taint')) {
    parts.push(`See taint-toleration for the tolerations ${ref} needs.`);
  }
  if (kinds.has('sandbox-mismatch')) {
    parts.push(
      "Upgrade or reimage the node image of the pool those nodes belong to (az aks nodepool upgrade --node-image-only): the node's sandbox image does not match its Windows build.",
    );
  }
  if (kinds.has('os-mismatch') || kinds.has('platform-mismatch')) {
    if (!analysis.involvesWindows) {
      return {
        summary: `Keep ${ref} off Windows nodes: its Linux image cannot start there.`,
        snippet: osSelectorSnippet('linux'),
        snippetLanguage: 'yaml',
      };
    }
    parts.push(
      `See image-os-build for the base image that matches the node build of ${ref}.`,
    );
  }
  return { summary: parts.join(' ') };
}

/** Fails when observed pods already show an OS mismatch, or a taint that explains why they are Pending. */
export function checkPodStatus(
  analysis: WorkloadAnalysis,
  _context: CheckContext,
): CheckResult {
  const { workload, signals } = analysis;
  if (workload.pods.length === 0) {
    return result(ID, 'skip', 'No pods of this workload were observed.');
  }
  const failures = signals.filter(signal => isFailure(signal, analysis));
  if (failures.length > 0) {
    const kinds = [...new Set(failures.map(signal => WHAT[signal.kind]))];
    const podCount = new Set(failures.map(signal => signal.pod)).size;
    return result(
      ID,
      'fail',
      `${podCount} of ${workload.pods.length} pod(s) show ${kinds.join(
        ' and ',
      )}.`,
      failures.map(signal => evidenceOf(analysis, signal)),
      remediationFor(failures, analysis),
    );
  }
  const pending = [...new Set(signals.map(signal => signal.pod))];
  return result(
    ID,
    'pass',
    `${workload.pods.length} observed pod(s) show no OS mismatch${
      pending.length > 0
        ? `; ${pending.length} Pending for reasons that are not about Windows (see the scheduler's message)`
        : ' and no untolerated taint'
    }.`,
    signals.map(signal => evidenceOf(analysis, signal)),
  );
}
