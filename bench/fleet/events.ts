/** Warning Events about a pod, as the kubelet and scheduler record them. */
import type { KubernetesObject } from '@winready/plugin-windows-readiness-common';
import { HEX } from './names';
import type { Rng } from './rng';

/** A Warning Event on the pod, seen between 1 and `maxCount` times. */
export function podWarning(
  rng: Rng,
  pod: { name: string; namespace: string },
  reason: string,
  message: string,
  maxCount: number,
): KubernetesObject {
  const { name, namespace } = pod;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${rng.chars(16, HEX)}`, namespace },
    involvedObject: { kind: 'Pod', name, namespace },
    reason,
    type: 'Warning',
    message,
    count: rng.int(1, maxCount),
  };
}
