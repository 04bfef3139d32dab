export { ReadinessReportPage } from './ReadinessReportPage';
export type { ReadinessReportPageProps } from './ReadinessReportPage';
export { ReportOverview } from './ReportOverview';
export type { ReportOverviewProps } from './ReportOverview';
export { ServicesTable } from './ServicesTable';
export type { ServicesTableProps } from './ServicesTable';
export { StatusTiles } from './StatusTiles';
export type { StatusTilesProps } from './StatusTiles';
export { ExportButtons } from './ExportButtons';
export type { ExportButtonsProps } from './ExportButtons';
export {
  useReportFilters,
  parseReportFilters,
  writeReportFilters,
} from './useReportFilters';
