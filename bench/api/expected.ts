/**
 * What the backend of `yarn bench:api` should serve, from the same fleet
 * judged in the bench process with the engine's own functions: the services'
 * statuses (evaluateFleet), and the workloads no catalog entity maps to
 * (evaluateCluster, those it finds no service for). The catalog maps a
 * Component to every workload labelled with its `backstage.io/kubernetes-id`,
 * so "no entity" is "no label" here.
 */
import {
  createCheckContext,
  evaluateCluster,
  evaluateFleet,
  ImageCatalog,
  type Fleet,
} from '@winready/plugin-windows-readiness-common';

export const STATUSES = [
  'blocked',
  'at-risk',
  'unknown',
  'ready',
  'not-applicable',
];

/** Every status present, counted. */
export function countStatuses(
  statuses: Iterable<string>,
): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(
    STATUSES.map(s => [s, 0]),
  );
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** Same counts for every status (a missing one is 0). */
export function sameCounts(
  a: Record<string, number>,
  b: Record<string, number>,
): boolean {
  return Object.keys({ ...a, ...b }).every(
    status => (a[status] ?? 0) === (b[status] ?? 0),
  );
}

export interface LocalEvaluation {
  services: Record<string, number>;
  unowned: { total: number; statuses: Record<string, number> };
}

export function evaluateLocally(fleet: Fleet, asOf: Date): LocalEvaluation {
  const services = evaluateFleet(fleet, { asOf }).services.map(s => s.status);
  const catalog = new ImageCatalog(fleet.images ?? {});
  const context = createCheckContext({ asOf });
  const unowned: string[] = [];
  for (const cluster of fleet.clusters) {
    const { workloads } = evaluateCluster(cluster, catalog, context, w =>
      w.serviceId ? [w.serviceId] : [],
    );
    for (const { serviceIds, result } of workloads) {
      if (serviceIds.length === 0) unowned.push(result.status);
    }
  }
  return {
    services: countStatuses(services),
    unowned: { total: unowned.length, statuses: countStatuses(unowned) },
  };
}
