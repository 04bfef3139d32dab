export { windowsReadinessApiRef } from './WindowsReadinessApi';
export type { ReportFilters, WindowsReadinessApi } from './WindowsReadinessApi';
export { WindowsReadinessClient } from './WindowsReadinessClient';
