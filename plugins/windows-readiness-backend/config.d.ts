import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  windowsReadiness?: {
    /**
     * How often to collect from every source; one run at a time across all
     * replicas. Default: every 30 minutes, 15 minutes timeout.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Days of daily history kept. Default 400. */
    historyDays?: number;
    /** A pool retiring within this many days warns. Default 180. */
    retirementWarningDays?: number;
  };
}
