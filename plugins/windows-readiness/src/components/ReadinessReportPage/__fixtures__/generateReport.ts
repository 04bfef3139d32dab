import {
  emptyStatusCounts,
  type CheckId,
  type ReportResponse,
  type ReportRow,
  type ServiceStatus,
  SERVICE_STATUSES,
} from '@winready/plugin-windows-readiness-common';
import report from './report.json';

/** The real demo report (GET /v1/report of examples/fleets/demo.yaml). */
export const demoReport = report as unknown as ReportResponse;

const CLUSTERS = [
  'aks-weu-prod',
  'aks-neu-prod',
  'aks-eus-dev',
  'aks-weu-legacy',
];
const FAILING: Partial<Record<ServiceStatus, CheckId[]>> = {
  blocked: ['image-os-build', 'taint-toleration'],
};
const WARNING: Partial<Record<ServiceStatus, CheckId[]>> = {
  blocked: ['os-sku-lifecycle'],
  'at-risk': ['os-sku-lifecycle', 'upgrade-path'],
};

/** A deterministic report of `count` services, shaped like the real one. */
export function generateReport(count: number): ReportResponse {
  const evaluatedAt = demoReport.evaluatedAt!;
  const items: ReportRow[] = [];
  for (let i = 0; i < count; i++) {
    const status = SERVICE_STATUSES[i % SERVICE_STATUSES.length];
    const failing = FAILING[status] ?? [];
    const warning = WARNING[status] ?? [];
    const name = `svc-${String(i).padStart(5, '0')}`;
    items.push({
      entityRef: `component:default/${name}`,
      title: name,
      owner: `group:default/team-${i % 37}`,
      system: `system:default/system-${i % 11}`,
      status,
      clusters: [CLUSTERS[i % CLUSTERS.length]],
      failing,
      warning,
      unknown: [],
      unknownReasons: {},
      ...(failing.length || warning.length
        ? { summary: `${[...failing, ...warning][0]}: generated finding` }
        : {}),
      evaluatedAt,
    });
  }
  return { ...demoReport, total: count, items, summary: summarise(items) };
}

/** The parts of the report summary the page reads, computed from rows. */
export function summarise(items: ReportRow[]): ReportResponse['summary'] {
  const summary = {
    ...demoReport.summary,
    total: items.length,
    byStatus: emptyStatusCounts(),
    byOwner: {} as ReportResponse['summary']['byOwner'],
    byCluster: {} as ReportResponse['summary']['byCluster'],
  };
  for (const row of items) {
    summary.byStatus[row.status]++;
    if (row.owner) {
      summary.byOwner[row.owner] ??= emptyStatusCounts();
      summary.byOwner[row.owner][row.status]++;
    }
    for (const cluster of row.clusters) {
      summary.byCluster[cluster] ??= emptyStatusCounts();
      summary.byCluster[cluster][row.status]++;
    }
  }
  return summary;
}

/** The demo report narrowed to one status (every status has a row there). */
export function reportWithStatus(status: ServiceStatus): ReportResponse {
  const items = demoReport.items.filter(row => row.status === status);
  return {
    ...demoReport,
    total: items.length,
    items,
    summary: summarise(items),
  };
}

export const emptyReport: ReportResponse = {
  ...demoReport,
  total: 0,
  items: [],
  summary: summarise([]),
};
