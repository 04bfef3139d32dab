/**
 * Windows readiness for AKS in Backstage: the entity card and tab, the
 * org-wide report, node pools and what-if (legacy frontend system; the new
 * system's plugin is in `./alpha`).
 *
 * @packageDocumentation
 */

export * from './api';
export {
  windowsReadinessPlugin,
  WindowsReadinessReportPage,
  EntityWindowsReadinessCard,
  EntityWindowsReadinessContent,
  WindowsReadinessClusterPickerFieldExtension,
  WindowsOsSkuPickerFieldExtension,
} from './plugin';
export type { EntityWindowsReadinessCardProps } from './components/EntityWindowsReadinessCard';
export type { EntityWindowsReadinessContentProps } from './components/EntityWindowsReadinessContent';
export type { ReadinessReportPageProps } from './components/ReadinessReportPage';
export type { ClusterChoice } from './components/ClusterPicker';
export type { OsSkuPickerUiOptions } from './components/OsSkuPicker';
export { isWindowsReadinessAvailable } from './conditions';
