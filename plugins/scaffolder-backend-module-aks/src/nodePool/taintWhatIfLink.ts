import {
  formatTaint,
  isBlockingTaint,
  parseTaint,
} from '@winready/plugin-windows-readiness-common';
import type { NodePoolSpec } from './nodePoolSpec';

/** Where the Windows readiness page is mounted in the app (the plugin's default route). */
export const READINESS_PAGE_PATH = '/windows-readiness';

/**
 * The app path of the taint what-if of a new pool: which workloads need the
 * toleration of the taint that keeps other pods off it, before the pool is
 * announced. The first NoSchedule/NoExecute taint is the one that decides who
 * can land there; a pool without one opens the what-if on the pool, to pick a
 * taint.
 */
export function taintWhatIfPath(
  spec: Pick<NodePoolSpec, 'cluster' | 'name' | 'taints'>,
  pagePath: string = READINESS_PAGE_PATH,
): string {
  const params = new URLSearchParams({
    view: 'pools',
    cluster: spec.cluster,
    pool: spec.name,
  });
  const blocking = spec.taints
    .map(text => parseTaint(text))
    .find(taint => taint && isBlockingTaint(taint));
  if (blocking) params.set('addTaint', formatTaint(blocking));
  return `${pagePath}?${params}`;
}
