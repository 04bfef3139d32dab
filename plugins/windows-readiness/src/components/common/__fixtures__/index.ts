import type {
  ClusterState,
  EntityReadinessResponse,
  ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import blocked from './entity-blocked.json';
import atRisk from './entity-at-risk.json';
import unknown from './entity-unknown.json';
import ready from './entity-ready.json';
import notApplicable from './entity-not-applicable.json';

/**
 * Entity responses copied from `yarn winready evaluate examples/fleets/demo.yaml`
 * (print-spooler, orders, billing-api, search-indexer, storefront), wrapped as the
 * backend serves them.
 */
export const entityFixtures = {
  blocked,
  'at-risk': atRisk,
  unknown,
  ready,
  'not-applicable': notApplicable,
} as unknown as Record<ServiceStatus, EntityReadinessResponse>;

/** A copy of a fixture whose clusters' last read failed. */
export function withClusterStates(
  fixture: EntityReadinessResponse,
  clusterStates: ClusterState[],
): EntityReadinessResponse {
  return { ...fixture, clusterStates };
}
