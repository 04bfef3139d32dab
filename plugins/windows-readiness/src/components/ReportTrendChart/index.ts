export { ReportTrendChart, STATUS_COLORS } from './ReportTrendChart';
export type { ReportTrendChartProps } from './ReportTrendChart';
