import {
  workloadRowFilter,
  workloadStatusCounts,
  SERVICE_STATUSES,
  type WorkloadRow,
  type WorkloadsResponse,
} from '@winready/plugin-windows-readiness-common';
import type { WorkloadFilters } from '../../../api';

const EVALUATED = '2026-11-27T11:00:00.000Z';

function row(
  fields: Pick<WorkloadRow, 'cluster' | 'namespace' | 'kind' | 'name'> &
    Partial<WorkloadRow>,
): WorkloadRow {
  return {
    id: `${fields.kind} ${fields.namespace}/${fields.name}`,
    services: [],
    status: 'not-applicable',
    involvesWindows: false,
    images: [],
    pools: { selected: [], eligible: [], compatible: [], runsOn: [] },
    failing: [],
    warning: [],
    unknown: [],
    evaluatedAt: EVALUATED,
    ...fields,
  };
}

/** Workloads no entity maps to, as the demo's platform team would see them. */
export const unownedRows: WorkloadRow[] = [
  row({
    cluster: 'aks-neu-modern',
    namespace: 'monitoring',
    kind: 'DaemonSet',
    name: 'datadog-agent',
    owner: 'group:default/team-platform',
    ownerSource: 'namespace',
    status: 'at-risk',
    involvesWindows: true,
    images: ['gcr.io/datadoghq/agent:7.59.1'],
    pools: {
      selected: ['npw22', 'npw25', 'npwan'],
      eligible: ['npwan'],
      compatible: ['npw22', 'npw25', 'npwan'],
      runsOn: ['npwan'],
    },
    warning: ['build-selector'],
    summary:
      'build-selector: npw22 and npw25 cannot be reached: they carry os=windows:NoSchedule',
  }),
  row({
    cluster: 'aks-neu-modern',
    namespace: 'external-dns',
    kind: 'Deployment',
    name: 'external-dns',
    status: 'at-risk',
    images: ['registry.k8s.io/external-dns/external-dns:v0.15.0'],
    pools: {
      selected: ['nplinux', 'npw22', 'npw25', 'npwan'],
      eligible: ['nplinux', 'npwan'],
      compatible: ['nplinux'],
      runsOn: ['nplinux'],
    },
    warning: ['linux-isolation'],
    summary:
      'linux-isolation: no kubernetes.io/os: linux selector and the Windows pool npwan is untainted',
  }),
  row({
    cluster: 'aks-neu-modern',
    namespace: 'ingress-nginx',
    kind: 'Deployment',
    name: 'ingress-nginx-controller',
    owner: 'group:default/team-platform',
    ownerSource: 'namespace',
    images: ['registry.k8s.io/ingress-nginx/controller:v1.12.0'],
    pools: {
      selected: ['nplinux'],
      eligible: ['nplinux'],
      compatible: ['nplinux'],
      runsOn: ['nplinux'],
    },
  }),
  row({
    cluster: 'aks-weu-batch',
    namespace: 'kube-system',
    kind: 'DaemonSet',
    name: 'csi-smb-node-win',
    status: 'blocked',
    involvesWindows: true,
    images: ['mcr.microsoft.com/oss/kubernetes-csi/smb-csi:v1.15.0'],
    failing: ['taint-toleration'],
    unknown: ['image-os-build'],
    summary:
      'taint-toleration: every Windows pool it suits carries a taint it does not tolerate',
  }),
];

/** GET /v1/workloads over `rows` with `filters`, as the backend answers it. */
export function workloadsResponse(
  rows: readonly WorkloadRow[] = unownedRows,
  filters: WorkloadFilters = {},
): WorkloadsResponse {
  const query = filters;
  const items = rows.filter(workloadRowFilter(query));
  return {
    evaluatedAt: EVALUATED,
    total: items.length,
    offset: 0,
    items,
    byStatus: workloadStatusCounts(
      rows.filter(workloadRowFilter(query, { ignoreStatus: true })),
    ),
  };
}

/** `count` unowned workloads spread over clusters and namespaces. */
export function generateWorkloads(
  count: number,
  spread: { clusters: number; namespaces: number } = {
    clusters: 3,
    namespaces: 40,
  },
): WorkloadRow[] {
  return Array.from({ length: count }, (_, i) =>
    row({
      cluster: `aks-gen-${i % spread.clusters}`,
      namespace: `ns-${String(i % spread.namespaces).padStart(2, '0')}`,
      kind: i % 5 === 0 ? 'DaemonSet' : 'Deployment',
      name: `workload-${i}`,
      status: SERVICE_STATUSES[i % SERVICE_STATUSES.length],
      images: [`registry.example/app-${i}:1.0`],
    }),
  );
}
