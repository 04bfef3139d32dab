export { EntityWindowsReadinessContent } from './EntityWindowsReadinessContent';
export type { EntityWindowsReadinessContentProps } from './EntityWindowsReadinessContent';
