import { buildOsSkuTable, findOsSku } from '../catalog/osSkus';
import { evaluateFleet, type EvaluateOptions } from '../evaluate/evaluateFleet';
import { compareStatus, worseResult } from '../evaluate/status';
import type { OsSkuInfo, OsSkuTable } from '../catalog/osSkus';
import type {
  CheckResult,
  Fleet,
  ServiceResult,
  WhatIfImpact,
  WhatIfRequest,
  WhatIfResult,
} from '../model';
import { nodesOfPool } from '../scheduling/poolNodes';

export class WhatIfError extends Error {
  name = 'WhatIfError';
}

/** The fleet as it would be once the pool's nodes run another OS SKU. */
export function fleetWithPoolOsSku(
  fleet: Fleet,
  request: WhatIfRequest,
  target: OsSkuInfo,
): Fleet {
  const cluster = fleet.clusters.find(c => c.name === request.cluster);
  if (!cluster) {
    throw new WhatIfError(
      `No cluster named "${request.cluster}" in the fleet.`,
    );
  }
  const pool = cluster.nodePools.find(p => p.name === request.pool);
  if (!pool) {
    throw new WhatIfError(
      `No pool named "${request.pool}" in cluster "${
        request.cluster
      }" (pools: ${cluster.nodePools.map(p => p.name).join(', ')}).`,
    );
  }
  if (target.osType !== pool.osType) {
    // AKS cannot change a pool's osType; that is a new pool, not a move.
    throw new WhatIfError(
      `Pool "${pool.name}" is a ${pool.osType} pool; ${target.osSku} is a ${target.osType} OS SKU.`,
    );
  }
  const poolNodes = nodesOfPool(cluster.objects ?? [], pool.name);
  return {
    ...fleet,
    clusters: fleet.clusters.map(c =>
      c !== cluster
        ? c
        : {
            ...c,
            nodePools: c.nodePools.map(p =>
              p !== pool
                ? p
                : {
                    // The new nodes' build comes from the OS SKU table.
                    ...p,
                    osSku: target.osSku,
                    nodeImageVersion: undefined,
                    kernelVersion: undefined,
                  },
            ),
            // Node objects describe the old OS (and the move recreates the
            // nodes, so taints set with kubectl go too); drop this pool's.
            objects: (c.objects ?? []).filter(
              object => !poolNodes.includes(object),
            ),
          },
    ),
  };
}

/**
 * How a service gets worse from `before` to `after`: both statuses, and
 * `check-id: message` for every check whose result got worse; undefined when
 * its status does not get worse.
 */
export function serviceImpact(
  before: ServiceResult,
  after: ServiceResult,
): WhatIfImpact | undefined {
  if (compareStatus(after.status, before.status) <= 0) return undefined;
  const reasons = worsenedChecks(before.checks, after.checks).map(
    check => `${check.id}: ${check.message}`,
  );
  return { id: after.id, before: before.status, after: after.status, reasons };
}

/** The checks whose result is worse after than before (skip, then pass, unknown, warn, fail). */
export function worsenedChecks(
  before: readonly CheckResult[],
  after: readonly CheckResult[],
): CheckResult[] {
  const previousChecks = new Map(before.map(c => [c.id, c]));
  return after.filter(check => {
    const old = previousChecks.get(check.id)?.result ?? 'skip';
    return (
      old !== check.result && worseResult(old, check.result) === check.result
    );
  });
}

/** The worst outcome first, then by id. */
export function sortImpacts(impacts: WhatIfImpact[]): WhatIfImpact[] {
  return impacts.sort(
    (a, b) => compareStatus(b.after, a.after) || a.id.localeCompare(b.id),
  );
}

/** The OS SKU of the table a what-if moves a pool to; a WhatIfError naming the known ones otherwise. */
export function whatIfTarget(osSkus: OsSkuTable, osSku: string): OsSkuInfo {
  const target = findOsSku(osSkus, osSku);
  if (!target) {
    throw new WhatIfError(
      `OS SKU "${osSku}" is not in the OS SKU table (known: ${[
        ...osSkus.keys(),
      ].join(', ')}); add it as an override to simulate it.`,
    );
  }
  return target;
}

/** Which services get worse when one pool moves to another OS SKU. */
export function whatIf(
  fleet: Fleet,
  request: WhatIfRequest,
  options: EvaluateOptions = {},
): WhatIfResult {
  const osSkus = options.osSkus ?? buildOsSkuTable();
  const target = whatIfTarget(osSkus, request.osSku);
  const asOf = options.asOf ?? new Date();
  const moved = fleetWithPoolOsSku(fleet, request, target);
  const before = evaluateFleet(fleet, { ...options, osSkus, asOf });
  const after = evaluateFleet(moved, { ...options, osSkus, asOf });
  const beforeById = new Map(before.services.map(s => [s.id, s]));
  const impacted = after.services.flatMap(service => {
    const previous = beforeById.get(service.id);
    const impact = previous && serviceImpact(previous, service);
    return impact ? [impact] : [];
  });
  return {
    cluster: request.cluster,
    pool: request.pool,
    fromOsSku:
      before.clusters
        .find(c => c.name === request.cluster)
        ?.pools.find(p => p.name === request.pool)?.osSku ?? null,
    toOsSku: target.osSku,
    asOf: asOf.toISOString(),
    impacted: sortImpacts(impacted),
  };
}
