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
