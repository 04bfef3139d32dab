import { daysUntil } from '../catalog/osSkus';
import type {
  ClusterResult,
  PoolFacts,
  PoolSummary,
  ServiceFacts,
  ServiceResult,
} from '../model';

/** The parts of a service result its facts come from. */
export type ServiceFactsSource = Pick<
  ServiceResult,
  'status' | 'checks' | 'workloads'
>;

/**
 * The Windows pools a service runs on (its workloads' `runsOn`, docs/rules.md
 * rule 6), with the lifecycle dates of the evaluation's pool summaries;
 * ordered by cluster, then pool.
 */
export function poolsRunOn(
  service: Pick<ServiceResult, 'workloads'>,
  clusters: ReadonlyArray<Pick<ClusterResult, 'name' | 'pools'>>,
): PoolFacts[] {
  const summaries = new Map<string, PoolSummary>();
  for (const cluster of clusters) {
    for (const pool of cluster.pools) {
      summaries.set(`${cluster.name}/${pool.name}`, pool);
    }
  }
  const found = new Map<string, PoolFacts>();
  for (const workload of service.workloads) {
    for (const name of workload.pools.runsOn) {
      const key = `${workload.cluster}/${name}`;
      const pool = summaries.get(key);
      if (!pool || pool.osType !== 'Windows' || found.has(key)) continue;
      found.set(key, {
        cluster: workload.cluster,
        pool: name,
        ...(pool.osSku ? { osSku: pool.osSku } : {}),
        ...(pool.retirementDate ? { retirementDate: pool.retirementDate } : {}),
        ...(pool.imageDeletionDate
          ? { imageDeletionDate: pool.imageDeletionDate }
          : {}),
        ...(pool.successorOsSku ? { successorOsSku: pool.successorOsSku } : {}),
      });
    }
  }
  return [...found.values()].sort(
    (a, b) =>
      a.cluster.localeCompare(b.cluster) || a.pool.localeCompare(b.pool),
  );
}

/** The earliest of the pools' dates of one kind (ISO dates sort as text). */
export function earliestDate(
  pools: readonly PoolFacts[],
  kind: 'retirementDate' | 'imageDeletionDate',
): string | null {
  const dates = pools
    .map(pool => pool[kind])
    .filter((date): date is string => Boolean(date))
    .sort();
  return dates[0] ?? null;
}

function survives(service: ServiceFactsSource): boolean | null {
  const upgrade = service.checks.find(c => c.id === 'upgrade-path');
  if (upgrade?.result === 'unknown') return null;
  return upgrade?.result !== 'warn' && upgrade?.result !== 'fail';
}

/** One service's facts as of `asOf` (the stored evaluation's instant). */
export function serviceFacts(
  service: ServiceFactsSource,
  runsOn: readonly PoolFacts[],
  asOf: Date,
): ServiceFacts {
  const ids = (result: string) =>
    service.checks.filter(c => c.result === result).map(c => c.id);
  const retirement = earliestDate(runsOn, 'retirementDate');
  const deletion = earliestDate(runsOn, 'imageDeletionDate');
  return {
    status: service.status,
    failingChecks: ids('fail'),
    unknownChecks: ids('unknown'),
    runsOn: [...runsOn],
    earliestRetirementDate: retirement,
    daysUntilRetirement: retirement ? daysUntil(retirement, asOf) : null,
    earliestImageDeletionDate: deletion,
    daysUntilImageDeletion: deletion ? daysUntil(deletion, asOf) : null,
    survivesNextOsSku: survives(service),
  };
}
