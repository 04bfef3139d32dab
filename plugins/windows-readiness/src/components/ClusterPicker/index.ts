export { WindowsReadinessClusterPicker } from './WindowsReadinessClusterPicker';
export { ClusterPickerFieldSchema } from './schema';
export type { WindowsReadinessClusterPickerProps } from './schema';
export { validateClusterChoice } from './validateClusterChoice';
export {
  NOT_ARM_REASON,
  toClusterChoice,
  type ClusterChoice,
  type KnownCluster,
} from './clusterChoice';
