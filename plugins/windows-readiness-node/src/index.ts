/**
 * Windows readiness sources: AKS through ARM, Kubernetes through its API,
 * OCI registries, fleet files, and the snapshot builder that joins them.
 *
 * @packageDocumentation
 */

export * from './sources/types';
export { AksClusterLocator } from './sources/aks/AksClusterLocator';
export type { AksClusterLocatorOptions } from './sources/aks/AksClusterLocator';
export { armClientOptions } from './sources/aks/armClientOptions';
export {
  ConfigClusterLocator,
  KubernetesPluginClusterLocator,
} from './sources/config/ConfigClusterLocator';
export { KubernetesObjectReader } from './sources/kubernetes/KubernetesObjectReader';
export type {
  KubernetesReadOptions,
  KubernetesReadResult,
} from './sources/kubernetes/KubernetesObjectReader';
export * from './registry';
export * from './config/sourcesConfig';
export {
  createAzureCredential,
  AKS_SERVER_SCOPE,
} from './azure/createAzureCredential';
export { SnapshotBuilder } from './snapshot/SnapshotBuilder';
export { mapConcurrent } from './snapshot/mapConcurrent';
export type {
  SnapshotBuilderOptions,
  SnapshotProgress,
} from './snapshot/SnapshotBuilder';
export { createSnapshotBuilder } from './snapshot/createSnapshotBuilder';
export type { CreateSnapshotBuilderOptions } from './snapshot/createSnapshotBuilder';
export { redactSecrets, toSourceError } from './snapshot/sourceError';
export {
  DUPLICATE_CLUSTER,
  UNSUPPORTED_AUTH_PROVIDER,
  mayHideClusters,
} from './snapshot/clusterScopedErrors';
export * from './extensions';
export {
  readManifestFiles,
  ManifestReadError,
} from './manifests/readManifestFiles';
export type { ReadManifestFilesOptions } from './manifests/readManifestFiles';
export { PreflightClient, PreflightError } from './preflight/PreflightClient';
export type { PreflightClientOptions } from './preflight/PreflightClient';
