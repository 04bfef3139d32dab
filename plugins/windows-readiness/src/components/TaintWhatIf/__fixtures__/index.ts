import type { TaintWhatIfResponse } from '@winready/plugin-windows-readiness-common';

const TOLERATION = `tolerations:
  - key: os
    operator: Equal
    value: windows
    effect: NoSchedule`;

/**
 * POST /v1/what-if aks-neu-modern/npwan addTaint os=windows:NoSchedule, as the
 * demo's story has it: the monitoring DaemonSet leaves npwan's node, the
 * unselected third-party Deployment no longer lands on Windows, and a
 * Windows service loses its only pool.
 */
export const npwanTaintWhatIf: TaintWhatIfResponse = {
  cluster: 'aks-neu-modern',
  pool: 'npwan',
  change: 'add',
  taint: 'os=windows:NoSchedule',
  alreadyApplied: false,
  asOf: '2026-11-27T12:00:00.000Z',
  impacted: [
    {
      id: 'Deployment shop/kiosk',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'kiosk',
      services: ['component:default/kiosk'],
      owner: 'group:default/team-shop',
      ownerSource: 'entity',
      placement: 'no-pool',
      before: 'ready',
      after: 'blocked',
      reasons: [
        'npwan was its only pool; it does not tolerate os=windows:NoSchedule',
      ],
      poolsBefore: ['npwan'],
      poolsAfter: [],
      toleration: TOLERATION,
    },
    {
      id: 'DaemonSet monitoring/datadog-agent',
      kind: 'DaemonSet',
      namespace: 'monitoring',
      name: 'datadog-agent',
      services: [],
      owner: 'group:default/team-platform',
      ownerSource: 'namespace',
      placement: 'loses-pool',
      before: 'at-risk',
      after: 'at-risk',
      reasons: [
        'its pods leave npwan: it does not tolerate os=windows:NoSchedule',
      ],
      poolsBefore: ['system', 'nplinux', 'npwan'],
      poolsAfter: ['system', 'nplinux'],
      nodes: 1,
      toleration: TOLERATION,
    },
    {
      id: 'Deployment external-dns/external-dns',
      kind: 'Deployment',
      namespace: 'external-dns',
      name: 'external-dns',
      services: [],
      owner: null,
      placement: 'loses-pool',
      before: 'at-risk',
      after: 'not-applicable',
      reasons: [
        'no longer lands on Windows: npwan repels it (no OS selector, Linux-only image)',
      ],
      poolsBefore: ['system', 'nplinux', 'npwan'],
      poolsAfter: ['system', 'nplinux'],
      toleration: null,
    },
  ],
};

/** Removing os from npw22: Linux workloads without an OS selector may land there. */
export const npw22RemoveWhatIf: TaintWhatIfResponse = {
  cluster: 'aks-neu-modern',
  pool: 'npw22',
  change: 'remove',
  taint: 'os',
  alreadyApplied: false,
  asOf: '2026-11-27T12:00:00.000Z',
  impacted: [
    {
      id: 'Deployment external-dns/external-dns',
      kind: 'Deployment',
      namespace: 'external-dns',
      name: 'external-dns',
      services: [],
      owner: null,
      placement: 'gains-pool',
      before: 'at-risk',
      after: 'at-risk',
      reasons: [
        'may now land on npw22, a Windows pool, with a Linux-only image',
      ],
      poolsBefore: ['system', 'nplinux', 'npwan'],
      poolsAfter: ['system', 'nplinux', 'npw22', 'npwan'],
      toleration: null,
    },
  ],
};
