export { WindowsOsSkuPicker } from './WindowsOsSkuPicker';
export { OsSkuPickerFieldSchema } from './schema';
export type { OsSkuPickerUiOptions, WindowsOsSkuPickerProps } from './schema';
export { validateOsSku } from './validateOsSku';
export { DEFAULT_CLUSTER_FIELD, chosenClusterName } from './chosenCluster';
