import type { Fleet } from '@winready/plugin-windows-readiness-common';
import { LINUX_SIDECARS } from './images';

/** Counts of what a fleet holds, for reports. */
export interface FleetStats {
  clusters: number;
  pools: number;
  /** Nodes: the pools' `count`s summed. */
  nodes: number;
  windowsPools: number;
  services: number;
  deployments: number;
  daemonSets: number;
  /** Deployments and DaemonSets without the `backstage.io/kubernetes-id` label: no catalog entity maps to them. */
  unownedWorkloads: number;
  replicaSets: number;
  pods: number;
  pendingPods: number;
  events: number;
  objects: number;
  images: number;
  /** Distinct images the Deployments' containers name, as written. */
  referencedImages: number;
  missingImages: number;
  windowsPoolsBySku: Record<string, number>;
}

export function fleetStats(fleet: Fleet): FleetStats {
  const stats: FleetStats = {
    clusters: fleet.clusters.length,
    pools: 0,
    nodes: 0,
    windowsPools: 0,
    services: 0,
    deployments: 0,
    daemonSets: 0,
    unownedWorkloads: 0,
    replicaSets: 0,
    pods: 0,
    pendingPods: 0,
    events: 0,
    objects: 0,
    images: Object.keys(fleet.images ?? {}).length,
    referencedImages: 0,
    missingImages: 0,
    windowsPoolsBySku: {},
  };
  const services = new Set<string>();
  const referenced = new Set<string>();
  for (const cluster of fleet.clusters) {
    stats.pools += cluster.nodePools.length;
    for (const pool of cluster.nodePools) {
      stats.nodes += pool.count ?? 1;
      if (pool.osType !== 'Windows') continue;
      stats.windowsPools++;
      const sku = pool.osSku ?? '(default)';
      stats.windowsPoolsBySku[sku] = (stats.windowsPoolsBySku[sku] ?? 0) + 1;
    }
    for (const object of cluster.objects ?? []) {
      stats.objects++;
      switch (object.kind) {
        case 'Deployment':
        case 'DaemonSet': {
          if (object.kind === 'Deployment') stats.deployments++;
          else stats.daemonSets++;
          const id = object.metadata?.labels?.['backstage.io/kubernetes-id'];
          if (id) services.add(id);
          else stats.unownedWorkloads++;
          for (const container of object.spec?.template?.spec?.containers ??
            []) {
            referenced.add(container.image);
          }
          break;
        }
        case 'ReplicaSet':
          stats.replicaSets++;
          break;
        case 'Pod':
          stats.pods++;
          if (object.status?.phase === 'Pending') stats.pendingPods++;
          break;
        case 'Event':
          stats.events++;
          break;
        default:
      }
    }
  }
  stats.services = services.size;
  stats.referencedImages = referenced.size;
  const known = new Set(Object.keys(fleet.images ?? {}));
  // Sidecars the pod specs name in short form are in the map under their full reference.
  const shortForms = new Map(
    LINUX_SIDECARS.filter(s => s.asWritten).map(s => [
      s.asWritten!,
      s.reference,
    ]),
  );
  for (const image of referenced) {
    if (!known.has(image) && !known.has(shortForms.get(image) ?? '')) {
      stats.missingImages++;
    }
  }
  return stats;
}
