import type { OsSkuTable } from '@winready/plugin-windows-readiness-common';
import type { OperationStore } from './arm/operations';
import type { SimulatorState } from './state';

/** The options with their defaults applied. */
export interface ResolvedOptions {
  agentPoolPageSize: number;
  managedClusterPageSize: number;
  kubernetesPageLimitMax: number;
  kubernetesToken: string;
  registryAuth: 'anonymous' | 'basic' | 'bearer';
  registryCredentials?: { username: string; password: string };
  asyncOperationPolls: number;
}

/** What the route handlers share. */
export interface SimulatorContext {
  state: SimulatorState;
  options: ResolvedOptions;
  osSkus: OsSkuTable;
  operations: OperationStore;
  /** The kubeconfig of a cluster, as listClusterUserCredential returns it. */
  kubeconfig(cluster: string): string;
  /** Set by failNextAgentPoolOperation: the next PUT's operation fails so. */
  nextAgentPoolFailure?: { code: string; message: string };
}
