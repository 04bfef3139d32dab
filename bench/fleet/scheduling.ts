/**
 * The generator's own small scheduler model: which pools a pod spec's
 * selector, affinity and tolerations (with its RuntimeClass's) admit, and
 * the FailedScheduling message when none does. Deliberately independent of
 * the engine's rules, so that the benchmark does not grade its own homework.
 */
import type {
  ClusterModel,
  PoolModel,
  TaintSpec,
  TolerationSpec,
} from './model';
import type { Rng } from './rng';

/** The scheduling fields of a pod spec, as the team wrote them. */
export interface SchedulingSpec {
  nodeSelector?: Record<string, string>;
  affinityIn?: Array<{ key: string; values: string[] }>;
  tolerations?: TolerationSpec[];
  runtimeClassName?: string;
  hostProcess?: boolean;
}

function tolerates(tolerations: TolerationSpec[], taint: TaintSpec): boolean {
  return tolerations.some(t => {
    if (t.effect && t.effect !== taint.effect) return false;
    const operator = t.operator ?? 'Equal';
    if (!t.key) return operator === 'Exists';
    if (t.key !== taint.key) return false;
    return operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
  });
}

// PreferNoSchedule only steers the scheduler; it never keeps a pod off.
function blocking(taint: TaintSpec | undefined): taint is TaintSpec {
  return !!taint && taint.effect !== 'PreferNoSchedule';
}

function nodeCount(pools: readonly PoolModel[]): number {
  return pools.reduce((sum, pool) => sum + (pool.pool.count ?? 0), 0);
}

/** `matching`: pools the selector and affinity admit; `schedulable`: those whose taint is also tolerated. */
export function candidatePools(
  model: ClusterModel,
  scheduling: SchedulingSpec,
) {
  const runtimeClass = scheduling.runtimeClassName
    ? model.runtimeClasses.get(scheduling.runtimeClassName)
    : undefined;
  const selector = {
    ...(runtimeClass?.nodeSelector ?? {}),
    ...(scheduling.nodeSelector ?? {}),
  };
  const tolerations = [
    ...(scheduling.tolerations ?? []),
    ...(runtimeClass?.tolerations ?? []),
  ];
  const matching = model.pools.filter(
    pool =>
      Object.entries(selector).every(
        ([key, value]) => pool.labels[key] === value,
      ) &&
      (scheduling.affinityIn ?? []).every(req =>
        req.values.includes(pool.labels[req.key]),
      ),
  );
  const schedulable = matching.filter(
    pool => !blocking(pool.taint) || tolerates(tolerations, pool.taint),
  );
  return { matching, schedulable };
}

/** The FailedScheduling message when no pool admits the pod. */
export function unschedulableMessage(
  model: ClusterModel,
  matching: PoolModel[],
): string {
  const total = nodeCount(model.pools);
  const selectorMiss = total - nodeCount(matching);
  const byTaint = new Map<string, number>();
  for (const pool of matching) {
    if (!blocking(pool.taint)) continue;
    const key = `{${pool.taint.key}: ${pool.taint.value ?? ''}}`;
    byTaint.set(key, (byTaint.get(key) ?? 0) + (pool.pool.count ?? 0));
  }
  const parts = [
    ...(selectorMiss > 0
      ? [`${selectorMiss} node(s) didn't match Pod's node affinity/selector`]
      : []),
    ...[...byTaint].map(
      ([taint, n]) => `${n} node(s) had untolerated taint ${taint}`,
    ),
  ];
  return `0/${total} nodes are available: ${parts.join(
    ', ',
  )}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

/** The FailedScheduling message when pools admit the pod but are full. */
export function insufficientCpuMessage(rng: Rng, model: ClusterModel): string {
  return `0/${nodeCount(model.pools)} nodes are available: ${rng.int(
    1,
    4,
  )} Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.`;
}
