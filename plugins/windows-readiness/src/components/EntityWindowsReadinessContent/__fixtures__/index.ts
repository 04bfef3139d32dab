import type {
  ClustersResponse,
  EntityReadinessResponse,
  HistoryResponse,
  WhatIfResponse,
} from '@winready/plugin-windows-readiness-common';
import clusters from './clusters.json';
import history from './history-orders.json';
import faxGateway from './entity-fax-gateway.json';
import reportsJob from './entity-reports-job.json';
import npwinTo2022 from './whatif-npwin-windows2022.json';
import npw22To2025 from './whatif-npw22-windows2025.json';
import npw25To2022 from './whatif-npw25-windows2022.json';

/*
 * Copied from `yarn winready evaluate|what-if examples/fleets/demo.yaml`, with
 * service ids as the backend stores them (entity refs). The history is the
 * backend's `service` rows for orders over 14 days.
 */
export const clustersFixture = clusters as unknown as ClustersResponse;
export const historyFixture = history as unknown as HistoryResponse;

/** os-selector fails: it can land on Linux pools. */
export const faxGatewayFixture =
  faxGateway as unknown as EntityReadinessResponse;
/** taint-toleration fails: evidence with taints, a YAML snippet. */
export const reportsJobFixture =
  reportsJob as unknown as EntityReadinessResponse;

export const whatIfFixtures = {
  /** orders goes from at-risk to blocked. */
  npwinTo2022: npwinTo2022 as unknown as WhatIfResponse,
  /** Nobody is impacted. */
  npw22To2025: npw22To2025 as unknown as WhatIfResponse,
  /** notifications and search-indexer get blocked. */
  npw25To2022: npw25To2022 as unknown as WhatIfResponse,
};
