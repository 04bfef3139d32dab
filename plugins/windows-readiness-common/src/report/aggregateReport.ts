import { CHECK_IDS } from '../checks/catalog';
import {
  SERVICE_STATUSES,
  serviceStatus,
  worstPerCheck,
} from '../evaluate/status';
import type {
  ReportSummary,
  ServiceResult,
  ServiceStatus,
  StatusCounts,
} from '../model';

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(
    SERVICE_STATUSES.map(status => [status, 0]),
  ) as StatusCounts;
}

/** A service's status within one cluster: from its workloads there only. */
export function statusInCluster(
  service: ServiceResult,
  cluster: string,
): ServiceStatus {
  const workloads = service.workloads.filter(w => w.cluster === cluster);
  return serviceStatus(
    worstPerCheck(workloads.map(w => ({ label: w.name, checks: w.checks }))),
    workloads.some(w => w.involvesWindows),
  );
}

export function aggregateReport(
  services: readonly ServiceResult[],
  owners: Readonly<Record<string, string | undefined>> = {},
): ReportSummary {
  const summary: ReportSummary = {
    total: services.length,
    byStatus: emptyStatusCounts(),
    byCluster: {},
    byOwner: {},
    byCheck: Object.fromEntries(
      CHECK_IDS.map(id => [
        id,
        { pass: 0, warn: 0, fail: 0, unknown: 0, skip: 0 },
      ]),
    ) as ReportSummary['byCheck'],
  };
  for (const service of services) {
    summary.byStatus[service.status]++;
    for (const cluster of service.clusters) {
      summary.byCluster[cluster] ??= emptyStatusCounts();
      summary.byCluster[cluster][statusInCluster(service, cluster)]++;
    }
    const owner = owners[service.id];
    if (owner) {
      summary.byOwner[owner] ??= emptyStatusCounts();
      summary.byOwner[owner][service.status]++;
    }
    for (const check of service.checks) {
      summary.byCheck[check.id][check.result]++;
    }
  }
  return summary;
}
