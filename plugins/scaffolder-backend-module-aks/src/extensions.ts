import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { TokenCredential } from '@azure/core-auth';

/** Where aks:nodepool:create reaches ARM, when not from `windowsReadiness.azure`. */
export interface AksArmTarget {
  endpoint: string;
  credential: TokenCredential;
  /** PEM of an extra CA to trust (the AKS simulator's). */
  caPem?: string;
}

/** Lets other scaffolder modules point the node pool action elsewhere (the demo's simulator). */
export interface AksNodePoolActionExtensionPoint {
  useArm(target: AksArmTarget): void;
}

export const aksNodePoolActionExtensionPoint =
  createExtensionPoint<AksNodePoolActionExtensionPoint>({
    id: 'scaffolder.aks-nodepool-action',
  });
