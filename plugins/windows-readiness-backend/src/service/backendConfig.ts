import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  buildOsSkuTable,
  parseNamespaceOwners,
  type NamespaceOwner,
  type OsSkuTable,
} from '@winready/plugin-windows-readiness-common';
import {
  readSourcesConfig,
  type SourcesConfig,
} from '@winready/plugin-windows-readiness-node';
import { DEFAULT_LEAD_TIMES_DAYS } from '../notifications/notices';

export interface BackendConfig {
  sources: SourcesConfig;
  osSkus: OsSkuTable;
  schedule: SchedulerServiceTaskScheduleDefinition;
  historyDays: number;
  retirementWarningDays: number;
  /** Scheduler tasks the clusters are spread over (replicas share them). */
  shards: number;
  /** Shard runs one instance takes at once while another instance is idle. */
  shardsPerInstance: number;
  preflight: { maxBodyBytes: number; maxDocuments: number };
  /** Owners of workloads no catalog entity maps to, by namespace. */
  namespaceOwners: NamespaceOwner[];
  /** Notifications to the owners of services; off unless enabled. */
  notifications: { enabled: boolean; leadTimesDays: number[] };
}

function positive(config: Config | undefined, key: string, fallback: number) {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(
      `Invalid config at 'windowsReadiness.${key}': must be a positive whole number`,
    );
  }
  return value;
}

function leadTimes(config: Config | undefined): number[] {
  const key = 'notifications.leadTimesDays';
  if (!config?.has(key)) return [...DEFAULT_LEAD_TIMES_DAYS];
  const values = config.getOptional(key);
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    values.some(v => typeof v !== 'number' || !Number.isInteger(v) || v <= 0)
  ) {
    throw new Error(
      `Invalid config at 'windowsReadiness.${key}': must be a non-empty list of positive whole numbers of days`,
    );
  }
  return [...new Set(values as number[])].sort((a, b) => b - a);
}

/** Reads and checks every `windowsReadiness` key at start-up: a bad one stops the backend, naming it. */
export function readBackendConfig(root: Config): BackendConfig {
  const config = root.getOptionalConfig('windowsReadiness');
  const sources = readSourcesConfig(root);
  let osSkus: OsSkuTable;
  try {
    osSkus = buildOsSkuTable(sources.osSkus);
  } catch (error) {
    throw new Error(
      `Invalid config at 'windowsReadiness.osSkus': ${
        (error as Error).message
      }`,
    );
  }
  const schedule = config?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      )
    : {
        frequency: { minutes: 30 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 5 },
      };
  return {
    sources,
    osSkus,
    schedule,
    historyDays: positive(config, 'historyDays', 400),
    shards: Math.min(positive(config, 'shards', 4), 64),
    shardsPerInstance: positive(config, 'shardsPerInstance', 1),
    retirementWarningDays: positive(config, 'retirementWarningDays', 180),
    preflight: {
      maxBodyBytes: positive(config, 'preflight.maxBodyBytes', 1024 * 1024),
      maxDocuments: positive(config, 'preflight.maxDocuments', 1000),
    },
    namespaceOwners: parseNamespaceOwners(
      config?.getOptional('namespaceOwners'),
      'windowsReadiness.namespaceOwners',
    ),
    notifications: {
      enabled: config?.getOptionalBoolean('notifications.enabled') ?? false,
      leadTimesDays: leadTimes(config),
    },
  };
}
