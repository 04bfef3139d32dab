/**
 * Scaffolder module: `aks:nodepool:create`, which creates a correctly
 * tainted Windows (or any) AKS node pool, and the template that uses it
 * (`templates/windows-nodepool/template.yaml`); `windows-readiness:check`,
 * which checks a template's rendered manifests against a cluster's pools
 * (`templates/windows-service/template.yaml`).
 *
 * @packageDocumentation
 */

export { scaffolderModuleAks as default } from './module';
export {
  createNodePoolAction,
  CREATE_NODE_POOL_ACTION_ID,
} from './actions/createNodePoolAction';
export type { CreateNodePoolActionOptions } from './actions/createNodePoolAction';
export {
  checkManifestsAction,
  CHECK_MANIFESTS_ACTION_ID,
} from './actions/checkManifestsAction';
export type { CheckManifestsActionOptions } from './actions/checkManifestsAction';
export { AgentPoolOperations } from './azure/AgentPoolOperations';
export { aksNodePoolActionExtensionPoint } from './extensions';
export type {
  AksArmTarget,
  AksNodePoolActionExtensionPoint,
} from './extensions';
export type {
  AgentPoolOperationsOptions,
  PoolProgress,
} from './azure/AgentPoolOperations';
export { validateNodePool } from './nodePool/validateNodePool';
export type { NodePoolValidation } from './nodePool/validateNodePool';
export type {
  ClusterCoordinates,
  NodePoolRequest,
  NodePoolSpec,
} from './nodePool/nodePoolSpec';
