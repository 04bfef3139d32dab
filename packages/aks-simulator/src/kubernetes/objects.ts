import { createHash } from 'node:crypto';
import type { KubernetesObject } from '@winready/plugin-windows-readiness-common';

/** Where every simulated object was "created": fixed, so answers are stable. */
export const CREATION_TIMESTAMP = '2026-01-01T00:00:00Z';

/** A UUID-shaped id derived from the text, stable across runs. */
export function deterministicUid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/**
 * Fleet objects as the API server would return them: the object as written,
 * plus `metadata.uid`, `resourceVersion` and `creationTimestamp` where the
 * file has none, all derived from the cluster, kind, namespace and name (or
 * the position, for the resource version) so that every run answers the same.
 */
export function prepareObjects(
  cluster: string,
  objects: readonly KubernetesObject[],
  firstResourceVersion: number,
): KubernetesObject[] {
  return objects.map((object, index) => {
    const metadata = { ...(object.metadata ?? {}) } as Record<string, unknown>;
    const key = `${cluster}/${object.kind}/${metadata.namespace ?? ''}/${
      metadata.name ?? index
    }`;
    metadata.uid ??= deterministicUid(key);
    metadata.resourceVersion ??= String(firstResourceVersion + index);
    metadata.creationTimestamp ??= CREATION_TIMESTAMP;
    return { ...object, metadata };
  });
}

/** Namespace objects for every namespace the objects use, plus the defaults. */
export function namespacesOf(
  cluster: string,
  objects: readonly KubernetesObject[],
): KubernetesObject[] {
  const names = new Set(['default', 'kube-system', 'kube-public']);
  for (const object of objects) {
    if (object.metadata?.namespace) names.add(object.metadata.namespace);
  }
  return [...names].sort().map(name => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      uid: deterministicUid(`${cluster}/Namespace//${name}`),
      resourceVersion: '1',
      creationTimestamp: CREATION_TIMESTAMP,
      labels: { 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}
