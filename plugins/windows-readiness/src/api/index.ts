export { windowsReadinessApiRef } from './WindowsReadinessApi';
export type {
  ReportFilters,
  WindowsReadinessApi,
  WorkloadFilters,
} from './WindowsReadinessApi';
export { WindowsReadinessClient } from './WindowsReadinessClient';
