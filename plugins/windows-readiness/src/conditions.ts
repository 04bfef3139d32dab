import type { Entity } from '@backstage/catalog-model';

const ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
];

/** An entity the readiness backend can map to Kubernetes objects, as the Kubernetes plugin does. */
export function isWindowsReadinessAvailable(entity: Entity): boolean {
  return ANNOTATIONS.some(key => !!entity.metadata.annotations?.[key]);
}
