export { DatabaseWindowsReadinessStore } from './DatabaseWindowsReadinessStore';
export type {
  ClusterCollectionOutcome,
  HistoryDimension,
  HistoryEntry,
  HistoryQuery,
  HistoryRow,
  MetaEntry,
  ServiceDay,
  ServiceIdMapping,
  ServiceResultPage,
  ServiceResultQuery,
  StoredCluster,
  StoredClusterResult,
  StoredFleet,
  StoredServiceResult,
  WindowsReadinessStore,
} from './WindowsReadinessStore';
