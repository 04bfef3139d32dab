import { createPermission } from '@backstage/plugin-permission-common';

/** Read the org-wide readiness report, history, clusters and what-if. */
export const windowsReadinessReportReadPermission = createPermission({
  name: 'windows-readiness.report.read',
  attributes: { action: 'read' },
});

/** Ask the backend to collect from every source now. */
export const windowsReadinessRefreshPermission = createPermission({
  name: 'windows-readiness.refresh',
  attributes: { action: 'update' },
});

/**
 * Check manifests against one cluster's pools before deploy
 * (`POST /v1/preflight`): the answer shows that cluster's pools, nothing of
 * any entity.
 */
export const windowsReadinessPreflightPermission = createPermission({
  name: 'windows-readiness.preflight',
  attributes: { action: 'read' },
});

export const windowsReadinessPermissions = [
  windowsReadinessReportReadPermission,
  windowsReadinessRefreshPermission,
  windowsReadinessPreflightPermission,
];
