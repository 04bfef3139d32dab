import { daysUntil } from '../catalog/osSkus';
import type { EntityFacts, ServiceStatus } from '../model';

/** Which services to list: "which of my services will break in the next 90 days?" */
export interface BreakingQuery {
  /**
   * Keep the services that are blocked, or run on a pool that retires or
   * loses its node images within this many days (or already has).
   */
  withinDays?: number;
  statuses?: readonly ServiceStatus[];
  /** Full owner entity refs; any of them. */
  owners?: readonly string[];
}

const within = (days: number | null, limit: number) =>
  days !== null && days <= limit;

/** Why a service breaks within `withinDays` of `asOf`, one sentence a reason. */
export function breakReasons(
  facts: EntityFacts,
  asOf: Date,
  withinDays = Infinity,
): string[] {
  const reasons: string[] = [];
  if (facts.status === 'blocked') {
    reasons.push(`blocked: ${facts.failingChecks.join(', ')} failing`);
  }
  for (const pool of facts.runsOn) {
    const where = `${pool.cluster}/${pool.pool} (${pool.osSku ?? 'no OS SKU'})`;
    const deletion = pool.imageDeletionDate
      ? daysUntil(pool.imageDeletionDate, asOf)
      : null;
    const retirement = pool.retirementDate
      ? daysUntil(pool.retirementDate, asOf)
      : null;
    if (within(deletion, withinDays)) {
      reasons.push(
        deletion! <= 0
          ? `${where}: node images deleted on ${pool.imageDeletionDate}, scale-out fails`
          : `${where}: node images deleted on ${pool.imageDeletionDate}, in ${deletion} days`,
      );
    }
    if (within(retirement, withinDays)) {
      reasons.push(
        retirement! <= 0
          ? `${where}: retired on ${pool.retirementDate}, no new node images or patches`
          : `${where}: retires on ${pool.retirementDate}, in ${retirement} days`,
      );
    }
  }
  return reasons;
}

/** The soonest date that counts, in days (past ones first); blocked first of all. */
function urgency(facts: EntityFacts): number {
  if (facts.status === 'blocked') return -Infinity;
  const days = [facts.daysUntilRetirement, facts.daysUntilImageDeletion].filter(
    (d): d is number => d !== null,
  );
  return days.length ? Math.min(...days) : Infinity;
}

/**
 * The services the query keeps, most urgent first: blocked ones, then by the
 * soonest retirement or image deletion, then by entity ref.
 */
export function breakingServices<T extends EntityFacts>(
  items: readonly T[],
  query: BreakingQuery,
): T[] {
  const { withinDays, statuses, owners } = query;
  return items
    .filter(
      facts =>
        (!statuses?.length || statuses.includes(facts.status)) &&
        (!owners ||
          (facts.owner !== undefined && owners.includes(facts.owner))) &&
        (withinDays === undefined ||
          facts.status === 'blocked' ||
          within(facts.daysUntilRetirement, withinDays) ||
          within(facts.daysUntilImageDeletion, withinDays)),
    )
    .sort(
      (a, b) =>
        urgency(a) - urgency(b) || a.entityRef.localeCompare(b.entityRef),
    );
}
