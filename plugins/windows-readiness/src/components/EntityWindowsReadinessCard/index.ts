export { EntityWindowsReadinessCard } from './EntityWindowsReadinessCard';
export type { EntityWindowsReadinessCardProps } from './EntityWindowsReadinessCard';
