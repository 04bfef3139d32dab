import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  windowsReadiness?: {
    /**
     * How often to collect every cluster. Default: every 30 minutes, 15
     * minutes timeout. The clusters are spread over `shards` scheduler tasks
     * at evenly spaced offsets of this cadence; each task runs on one replica
     * at a time, so replicas share the collection.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Scheduler tasks the clusters are spread over (by a hash of their names). Default 4, at most 64. */
    shards?: number;
    /**
     * Shard runs one backend instance takes at once before it hands further
     * ones back to the scheduler for an instance that runs fewer. Default 1.
     */
    shardsPerInstance?: number;
    /** Days of daily history kept. Default 400. */
    historyDays?: number;
    /** A pool retiring within this many days warns. Default 180. */
    retirementWarningDays?: number;
    /**
     * Owners of workloads no catalog entity maps to (monitoring agents, CSI
     * drivers, ingress controllers), by namespace: an exact name wins over a
     * glob (`*`, `?`), then the first glob listed. Owners are entity refs
     * (`team-platform` means `group:default/team-platform`).
     */
    namespaceOwners?: Array<{ namespace: string; owner: string }>;
    /** `POST /v1/preflight`: manifests checked against a cluster before deploy. */
    preflight?: {
      /** Largest JSON body accepted (bytes); a larger one is a 413. Default 1 MiB. */
      maxBodyBytes?: number;
      /** Most YAML documents in one request; more is a 400. Default 1000. */
      maxDocuments?: number;
    };
    /**
     * Notifications to the owner of each service, through the notifications
     * backend (`@backstage/plugin-notifications-backend`): when it becomes
     * blocked, and at each lead time before a pool it runs on retires or has
     * its node images deleted. One per event and entity.
     */
    notifications?: {
      /** Default false: nothing is sent. */
      enabled?: boolean;
      /** Days before a pool's date to notify at. Default [180, 90, 30, 7]. */
      leadTimesDays?: number[];
    };
  };
}
