import type { WorkloadAnalysis } from '../analysis/workloadAnalysis';
import type { CheckResult } from '../model';
import { objectRef, result, type CheckContext } from './context';

const ID = 'pod-status';

const WHAT: Record<string, string> = {
  'os-mismatch': 'OS build mismatch at container start',
  'platform-mismatch': 'no image platform for the node at pull time',
  'untolerated-taint': 'Pending on an untolerated taint',
};

/** Fails when observed pods already show an OS mismatch or a taint they cannot pass. */
export function checkPodStatus(
  analysis: WorkloadAnalysis,
  _context: CheckContext,
): CheckResult {
  const { workload, signals } = analysis;
  if (workload.pods.length === 0) {
    return result(ID, 'skip', 'No pods of this workload were observed.');
  }
  if (signals.length === 0) {
    return result(
      ID,
      'pass',
      `${workload.pods.length} observed pod(s) show no OS mismatch and no untolerated taint.`,
    );
  }
  const kinds = [...new Set(signals.map(signal => WHAT[signal.kind]))];
  const podCount = new Set(signals.map(signal => signal.pod)).size;
  return result(
    ID,
    'fail',
    `${podCount} of ${workload.pods.length} pod(s) show ${kinds.join(
      ' and ',
    )}.`,
    signals.map(signal => ({
      cluster: workload.cluster,
      object: `Pod ${workload.namespace}/${signal.pod}`,
      detail: `${signal.nodeName ? `on ${signal.nodeName}: ` : ''}${
        signal.reason ? `${signal.reason}: ` : ''
      }${signal.message}`,
    })),
    signals.some(signal => signal.kind === 'untolerated-taint')
      ? {
          summary: `See taint-toleration for the tolerations ${objectRef(
            workload,
          )} needs.`,
        }
      : {
          summary: `See image-os-build for the base image that matches the node build of ${objectRef(
            workload,
          )}.`,
        },
  );
}
