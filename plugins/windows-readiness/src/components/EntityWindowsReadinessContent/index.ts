export { EntityWindowsReadinessContent } from './EntityWindowsReadinessContent';
export type { EntityWindowsReadinessContentProps } from './EntityWindowsReadinessContent';
export { DEFAULT_TARGET_OS_SKUS } from './WhatIfPanel';
