import {
  createCheckContext,
  evaluateWorkload,
  type CheckContextOptions,
} from '../evaluate/evaluateWorkload';
import { ImageCatalog } from '../images/imageReference';
import { poolOfNode } from '../analysis/workloadAnalysis';
import type {
  CheckResultValue,
  Cluster,
  Fleet,
  NodePool,
  TaintPlacement,
  TaintWhatIfImpact,
  TaintWhatIfRequest,
  TaintWhatIfResult,
  WorkloadOwnerSource,
} from '../model';
import { profilePool, type PoolProfile } from '../scheduling/poolProfile';
import { nodesOfPool } from '../scheduling/poolNodes';
import { extractWorkloads, type Workload } from '../workloads/workloads';
import {
  clusterWithPoolTaint,
  clusterWithoutPoolTaints,
  matchesTaintChange,
  parseTaintChange,
  type TaintChange,
} from './taintChange';
import { placementReasons, tolerationSnippet } from './taintReasons';
import { WhatIfError, worsenedChecks } from './whatIf';

export {
  parseTaintChange,
  type TaintChange,
  type TaintChangeFieldNames,
} from './taintChange';

/** One workload of the cluster, with the catalog's services it belongs to (none for a workload no entity maps to). */
export interface TaintWhatIfWorkload {
  workload: Workload;
  serviceIds: string[];
}

export interface TaintWhatIfOptions extends CheckContextOptions {
  /** Owner of a workload: the backend passes entity owners, then namespace owners; the CLI namespace owners only. */
  ownerOf?: (
    workload: Workload,
    serviceIds: readonly string[],
  ) => { owner?: string; ownerSource?: WorkloadOwnerSource };
}

function findPool(cluster: Cluster, name: string): NodePool {
  const pool = (cluster.nodePools ?? []).find(p => p.name === name);
  if (!pool) {
    throw new WhatIfError(
      `No pool named "${name}" in cluster "${cluster.name}" (pools: ${(
        cluster.nodePools ?? []
      )
        .map(p => p.name)
        .join(', ')}).`,
    );
  }
  return pool;
}

/**
 * The pool's profile before and after the change. An add of a taint the pool
 * has already (or a removal of one it lacks) compares the pool without the
 * taint with the pool with it, so the answer still says what the taint does;
 * a removal by a key no taint has changes nothing.
 */
function profilesAround(
  cluster: Cluster,
  pool: NodePool,
  change: TaintChange,
  profile: (cluster: Cluster) => PoolProfile,
): { before: PoolProfile; after: PoolProfile; alreadyApplied: boolean } {
  const current = profile(cluster);
  const present = current.taints.some(t => matchesTaintChange(change, t));
  const withTaint = () =>
    present
      ? current
      : profile(clusterWithPoolTaint(cluster, pool.name, change.taint!));
  const withoutTaint = () =>
    present
      ? profile(clusterWithoutPoolTaints(cluster, pool.name, change))
      : current;
  if (change.change === 'add') {
    return {
      before: withoutTaint(),
      after: withTaint(),
      alreadyApplied: present,
    };
  }
  if (!present && !change.taint) {
    return { before: current, after: current, alreadyApplied: true };
  }
  return {
    before: withTaint(),
    after: withoutTaint(),
    alreadyApplied: !present,
  };
}

function placementOf(
  pool: string,
  before: readonly string[],
  after: readonly string[],
): TaintPlacement | undefined {
  const had = before.includes(pool);
  const has = after.includes(pool);
  if (had && !has) return after.length === 0 ? 'no-pool' : 'loses-pool';
  if (has && !had) return 'gains-pool';
  return undefined;
}

const CONCERNS = new Set<CheckResultValue>(['fail', 'warn', 'unknown']);

const PLACEMENT_ORDER: Record<TaintPlacement, number> = {
  'no-pool': 0,
  'loses-pool': 1,
  'gains-pool': 2,
};

/** no-pool, then loses-pool, then gains-pool; by id within each. */
function sortTaintImpacts(impacts: TaintWhatIfImpact[]): TaintWhatIfImpact[] {
  return impacts.sort(
    (a, b) =>
      PLACEMENT_ORDER[a.placement] - PLACEMENT_ORDER[b.placement] ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Which workloads of one cluster a taint change on one pool moves: those that
 * can no longer be placed on any pool, those that lose the pool but keep
 * another, and those that may now land on it. `cluster` carries nodePools and
 * objects (its Nodes and RuntimeClasses; workloads carry their own pods and
 * events). Each workload is judged with the same checks as a report, against
 * the pools before and after; one pass over the workloads, each pool profiled
 * once (the changed one once per side).
 */
export function taintWhatIf(
  cluster: Cluster,
  workloads: Iterable<TaintWhatIfWorkload>,
  catalog: ImageCatalog,
  request: TaintWhatIfRequest,
  options: TaintWhatIfOptions = {},
): TaintWhatIfResult {
  const change = parseTaintChange(request);
  if (request.cluster !== cluster.name) {
    throw new WhatIfError(
      `The request names cluster "${request.cluster}", not "${cluster.name}".`,
    );
  }
  const pool = findPool(cluster, request.pool);
  const context = createCheckContext(options);
  const profile = (c: Cluster) =>
    profilePool(
      c,
      c.nodePools.find(p => p.name === pool.name)!,
      context.osSkus,
    );
  const { before, after, alreadyApplied } = profilesAround(
    cluster,
    pool,
    change,
    profile,
  );
  const result: TaintWhatIfResult = {
    cluster: cluster.name,
    pool: pool.name,
    change: change.change,
    taint: change.text,
    alreadyApplied,
    asOf: context.asOf.toISOString(),
    impacted: [],
  };
  if (before === after) return result;

  const others = new Map(
    cluster.nodePools
      .filter(p => p !== pool)
      .map(p => [p.name, profilePool(cluster, p, context.osSkus)]),
  );
  const poolsWith = (changed: PoolProfile) =>
    cluster.nodePools.map(p => (p === pool ? changed : others.get(p.name)!));
  const poolsBefore = poolsWith(before);
  const poolsAfter = poolsWith(after);
  const objects = cluster.objects ?? [];
  const nodes = pool.count ?? nodesOfPool(objects, pool.name).length;
  const toleration = change.taint ? tolerationSnippet(change.taint) : undefined;

  for (const { workload, serviceIds } of workloads) {
    const was = evaluateWorkload(
      workload,
      poolsBefore,
      objects,
      catalog,
      context,
    );
    // Taints change no label: a workload that does not select the pool
    // keeps its placement.
    if (!was.result.pools.selected.includes(pool.name)) continue;
    const now = evaluateWorkload(
      workload,
      poolsAfter,
      objects,
      catalog,
      context,
    );
    const placement = placementOf(
      pool.name,
      was.result.pools.eligible,
      now.result.pools.eligible,
    );
    if (!placement) continue;
    const leaves = placement !== 'gains-pool';
    const startsThere = was.result.pools.compatible.includes(pool.name);
    const daemonSetNodes =
      leaves && workload.kind === 'DaemonSet' ? nodes : undefined;
    const owner = options.ownerOf?.(workload, serviceIds) ?? {};
    result.impacted.push({
      id: `${workload.kind} ${workload.namespace}/${workload.name}`,
      kind: workload.kind,
      namespace: workload.namespace,
      name: workload.name,
      services: [...serviceIds],
      owner: owner.owner ?? null,
      ...(owner.owner && owner.ownerSource
        ? { ownerSource: owner.ownerSource }
        : {}),
      placement,
      before: was.result.status,
      after: now.result.status,
      reasons: [
        ...placementReasons({
          placement,
          change,
          pool: before,
          kind: workload.kind,
          poolsAfter: now.result.pools.eligible,
          startsThere,
          linux: !was.result.involvesWindows,
          runsThere: workload.pods.some(
            pod =>
              !!pod.spec?.nodeName &&
              poolOfNode(pod.spec.nodeName, poolsBefore) === before,
          ),
          nodes: daemonSetNodes,
        }),
        // A check that now passes where it was skipped is no concern.
        ...worsenedChecks(was.result.checks, now.result.checks)
          .filter(check => CONCERNS.has(check.result))
          .map(check => `${check.id}: ${check.message}`),
      ],
      poolsBefore: was.result.pools.eligible,
      poolsAfter: now.result.pools.eligible,
      ...(daemonSetNodes !== undefined ? { nodes: daemonSetNodes } : {}),
      // Only a workload whose images start on the pool needs it: a Linux
      // workload kept off a Windows pool is better off.
      toleration: (leaves && startsThere && toleration) || null,
    });
  }
  sortTaintImpacts(result.impacted);
  return result;
}

// evaluateFleet's default: the workload's backstage.io/kubernetes-id.
const byKubernetesId = (workload: Workload) =>
  workload.serviceId ? [workload.serviceId] : [];

/**
 * The taint what-if on a whole fleet file (the CLI): the cluster's workloads
 * are extracted from its objects, their services by
 * `backstage.io/kubernetes-id` unless `serviceIdsOf` says otherwise.
 */
export function fleetTaintWhatIf(
  fleet: Fleet,
  request: TaintWhatIfRequest,
  options: TaintWhatIfOptions & {
    serviceIdsOf?: (workload: Workload) => string[];
  } = {},
): TaintWhatIfResult {
  const cluster = (fleet.clusters ?? []).find(c => c.name === request.cluster);
  if (!cluster) {
    // The change is checked first: a bad taint is the first thing to fix.
    parseTaintChange(request);
    throw new WhatIfError(
      `No cluster named "${request.cluster}" in the fleet.`,
    );
  }
  const serviceIdsOf = options.serviceIdsOf ?? byKubernetesId;
  function* workloads(): Generator<TaintWhatIfWorkload> {
    for (const workload of extractWorkloads(cluster!)) {
      yield { workload, serviceIds: serviceIdsOf(workload) };
    }
  }
  return taintWhatIf(
    cluster,
    workloads(),
    new ImageCatalog(fleet.images ?? {}),
    request,
    options,
  );
}
