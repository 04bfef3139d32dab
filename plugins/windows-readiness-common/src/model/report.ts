/** What the report and the facts are made of: `GET /v1/report`'s summary, `GET /v1/facts`. */
import type { CheckId, CheckResultValue, ServiceStatus } from './results';

export type StatusCounts = Record<ServiceStatus, number>;

export interface ReportSummary {
  total: number;
  byStatus: StatusCounts;
  byCluster: Record<string, StatusCounts>;
  /** Present only for services whose owner was given. */
  byOwner: Record<string, StatusCounts>;
  byCheck: Record<CheckId, Record<CheckResultValue, number>>;
}

/** A Windows pool a service runs on, with its OS SKU's lifecycle dates. */
export interface PoolFacts {
  cluster: string;
  pool: string;
  osSku?: string;
  /** YYYY-MM-DD: no new node images or patches from then on. */
  retirementDate?: string;
  /** YYYY-MM-DD: node images deleted, scale-out fails. */
  imageDeletionDate?: string;
  successorOsSku?: string;
}

/**
 * What scorecards and notifications know about one service (Tech Insights
 * facts, `GET /v1/facts`). Absent dates are `null`, not missing, so that a
 * rule can test them.
 */
export interface ServiceFacts {
  status: ServiceStatus;
  failingChecks: CheckId[];
  unknownChecks: CheckId[];
  /** docs/rules.md rule 6: the Windows pools it runs on. */
  runsOn: PoolFacts[];
  earliestRetirementDate: string | null;
  /** Whole days from "as of" to the earliest retirement; negative once passed. */
  daysUntilRetirement: number | null;
  earliestImageDeletionDate: string | null;
  daysUntilImageDeletion: number | null;
  /**
   * `upgrade-path` neither warns nor fails: its images run on the successor
   * OS SKU of every pool it runs on. `null` when that check could not tell
   * (docs/rules.md rule 2: unknown is never a pass).
   */
  survivesNextOsSku: boolean | null;
}

/** One service of the org-wide report (JSON items, CSV rows). */
export interface ReportRow {
  entityRef: string;
  title: string;
  owner?: string;
  system?: string;
  status: ServiceStatus;
  clusters: string[];
  failing: CheckId[];
  warning: CheckId[];
  /** Checks that could not tell (docs/rules.md rule 8), with `unknownReasons`. */
  unknown: CheckId[];
  /** Per unknown check: what could not be told and what would settle it. */
  unknownReasons: Partial<Record<CheckId, string>>;
  /** The first failing, warning or else unknown check: what to look at first. */
  summary?: string;
  evaluatedAt: string;
}

/** One entity's facts: what Tech Insights stores and notifications count from. */
export interface EntityFacts extends ServiceFacts {
  entityRef: string;
  /** The entity's owner in the catalog, when it has one. */
  owner?: string;
}
