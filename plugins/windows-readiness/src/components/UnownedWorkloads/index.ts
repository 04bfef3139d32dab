export { UnownedWorkloadsView } from './UnownedWorkloadsView';
export type { UnownedWorkloadsViewProps } from './UnownedWorkloadsView';
