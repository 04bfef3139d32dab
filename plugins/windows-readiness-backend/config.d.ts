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
    /** `POST /v1/preflight`: manifests checked against a cluster before deploy. */
    preflight?: {
      /** Largest JSON body accepted (bytes); a larger one is a 413. Default 1 MiB. */
      maxBodyBytes?: number;
      /** Most YAML documents in one request; more is a 400. Default 1000. */
      maxDocuments?: number;
    };
  };
}
