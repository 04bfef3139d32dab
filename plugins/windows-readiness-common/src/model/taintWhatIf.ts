/** The taint what-if's request and answer: `POST /v1/what-if`, `winready what-if --add-taint`. */
import type { ServiceStatus } from './results';
import type { WorkloadOwnerSource } from './workloadRows';

/** Exactly one of `addTaint` (`key[=value]:Effect`) or `removeTaint` (`key` or `key[=value]:Effect`). */
export interface TaintWhatIfRequest {
  cluster: string;
  pool: string;
  addTaint?: string;
  removeTaint?: string;
}

/**
 * How the pool's change moves a workload:
 * - `no-pool`: it could be placed on the pool and can be placed on no pool after;
 * - `loses-pool`: it can no longer be placed on the pool but keeps another one
 *   (for a DaemonSet: its pods leave the pool's nodes);
 * - `gains-pool`: it may now be placed on the pool (a Linux workload on a
 *   Windows pool, for instance).
 */
export type TaintPlacement = 'no-pool' | 'loses-pool' | 'gains-pool';

export interface TaintWhatIfImpact {
  /** `Kind namespace/name`. */
  id: string;
  kind: string;
  namespace: string;
  name: string;
  /** Catalog entities it belongs to; empty for a workload no entity maps to. */
  services: string[];
  /** The owning entity's owner, or the namespace owners' match; null when neither tells. */
  owner: string | null;
  ownerSource?: WorkloadOwnerSource;
  placement: TaintPlacement;
  /** The workload's status before and after the change. */
  before: ServiceStatus;
  after: ServiceStatus;
  /** Why, in words: what the taint does to its placement, and checks that got worse. */
  reasons: string[];
  /** Pools it may be placed on, before and after. */
  poolsBefore: string[];
  poolsAfter: string[];
  /** For a DaemonSet leaving the pool: how many of the pool's nodes it would stop running on. */
  nodes?: number;
  /** The toleration to add (YAML), when the workload needs the pool and the taint keeps it off. */
  toleration: string | null;
}

export interface TaintWhatIfResult {
  cluster: string;
  pool: string;
  change: 'add' | 'remove';
  /** The taint as the request gave it, normalised (`key=value:Effect`, or `key` for a removal by key). */
  taint: string;
  /**
   * The pool already has this taint (add) or does not have it (remove). The
   * answer then compares the pool without the taint and with it, so that it
   * still says what the taint does (who needs the toleration on a new pool).
   */
  alreadyApplied: boolean;
  asOf: string;
  /** no-pool first, then loses-pool, then gains-pool; by id within each. */
  impacted: TaintWhatIfImpact[];
}
