import {
  compareStatus,
  type WorkloadRow,
} from '@winready/plugin-windows-readiness-common';

export interface NamespaceGroup {
  namespace: string;
  rows: WorkloadRow[];
}

export interface ClusterGroup {
  cluster: string;
  count: number;
  namespaces: NamespaceGroup[];
}

/**
 * Rows by cluster, then namespace (both by name); within a namespace the
 * worst status first, then by id, so what breaks first is on top.
 */
export function groupWorkloads(rows: readonly WorkloadRow[]): ClusterGroup[] {
  const byCluster = new Map<string, Map<string, WorkloadRow[]>>();
  for (const row of rows) {
    let namespaces = byCluster.get(row.cluster);
    if (!namespaces) byCluster.set(row.cluster, (namespaces = new Map()));
    const list = namespaces.get(row.namespace);
    if (list) list.push(row);
    else namespaces.set(row.namespace, [row]);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  return [...byCluster.keys()].sort(byName).map(cluster => {
    const namespaces = byCluster.get(cluster)!;
    return {
      cluster,
      count: [...namespaces.values()].reduce((n, list) => n + list.length, 0),
      namespaces: [...namespaces.keys()].sort(byName).map(namespace => ({
        namespace,
        rows: namespaces
          .get(namespace)!
          .sort(
            (a, b) =>
              compareStatus(b.status, a.status) || a.id.localeCompare(b.id),
          ),
      })),
    };
  });
}

export interface WorkloadFilterOptions {
  clusters: string[];
  /** The namespaces of the chosen cluster, or of every cluster. */
  namespaces: string[];
  owners: string[];
}

/** What the filter selects offer, from the rows fetched whole. */
export function workloadFilterOptions(
  rows: readonly WorkloadRow[],
  cluster?: string,
): WorkloadFilterOptions {
  const clusters = new Set<string>();
  const namespaces = new Set<string>();
  const owners = new Set<string>();
  for (const row of rows) {
    clusters.add(row.cluster);
    if (!cluster || row.cluster === cluster) namespaces.add(row.namespace);
    if (row.owner) owners.add(row.owner);
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    clusters: sorted(clusters),
    namespaces: sorted(namespaces),
    owners: sorted(owners),
  };
}
