import {
  aggregateReport,
  statusInCluster,
  type ServiceResult,
} from '@winready/plugin-windows-readiness-common';
import type { HistoryRow, ServiceDay } from '../store';

/**
 * What one evaluation adds to the history: the counts over every service
 * (all, by owner, by cluster) for callers who read everything, and each
 * service's day, from which the counts over the services a caller may read
 * are computed.
 */
export function historyOfDay(
  services: readonly ServiceResult[],
  owners: Readonly<Record<string, string | undefined>>,
): { rows: HistoryRow[]; services: ServiceDay[] } {
  const report = aggregateReport(services, owners);
  return {
    rows: [
      { dimension: 'all', key: '*', counts: report.byStatus },
      ...Object.entries(report.byOwner).map(([key, counts]) => ({
        dimension: 'owner' as const,
        key,
        counts,
      })),
      ...Object.entries(report.byCluster).map(([key, counts]) => ({
        dimension: 'cluster' as const,
        key,
        counts,
      })),
    ],
    services: services.map(service => ({
      service: service.id,
      status: service.status,
      ...(owners[service.id] ? { owner: owners[service.id] } : {}),
      clusters: service.clusters.map(name => ({
        name,
        status: statusInCluster(service, name),
      })),
    })),
  };
}
