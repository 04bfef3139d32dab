import {
  buildOsSkuTable,
  poolPlacementSnippet,
  profilePool,
  runtimeClassSnippet,
  type OsSkuTable,
} from '@winready/plugin-windows-readiness-common';
import type { NodePoolSpec } from './nodePoolSpec';

/** What workloads need to land on the new pool, as YAML to paste. */
export interface WorkloadPlacement {
  /** Pod template fragment: nodeSelector plus the tolerations of the pool's taints. */
  workloadYaml: string;
  runtimeClassName?: string;
  /** A RuntimeClass manifest carrying the same selector and tolerations (Windows pools). */
  runtimeClassYaml?: string;
  /** The pool's host Windows build, e.g. 10.0.20348, when the OS SKU table knows it. */
  windowsBuild?: string;
}

/** Pure: the placement YAML for a pool that does not exist yet, from its spec. */
export function workloadPlacement(
  spec: NodePoolSpec,
  osSkus: OsSkuTable = buildOsSkuTable(),
): WorkloadPlacement {
  const pool = profilePool(
    {
      name: spec.cluster,
      kubernetesVersion: spec.kubernetesVersion,
      nodePools: [],
    },
    {
      name: spec.name,
      osType: spec.osType,
      osSku: spec.osSku,
      mode: spec.mode,
      taints: spec.taints,
      labels: spec.labels,
    },
    osSkus,
  );
  const windowsBuild = pool.hostBuild
    ? `10.0.${pool.hostBuild.build}`
    : undefined;
  if (spec.osType !== 'Windows') {
    return { workloadYaml: poolPlacementSnippet(pool) };
  }
  return {
    workloadYaml: poolPlacementSnippet(pool),
    runtimeClassName: `windows-${spec.name}`,
    runtimeClassYaml: runtimeClassSnippet(pool),
    windowsBuild,
  };
}
