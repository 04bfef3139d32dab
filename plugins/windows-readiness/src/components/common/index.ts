export { StatusChip } from './StatusChip';
export type { StatusChipProps } from './StatusChip';
export { CheckResultIcon } from './CheckResultIcon';
export type { CheckResultIconProps } from './CheckResultIcon';
export { RemediationSnippet } from './RemediationSnippet';
export type { RemediationSnippetProps } from './RemediationSnippet';
export { DataFreshness } from './DataFreshness';
export type { DataFreshnessProps } from './DataFreshness';
export { IconLabel } from './IconLabel';
export { formatAge, formatCollected } from './formatAge';
export { useEntityReadiness, isNotFoundError } from './useEntityReadiness';
export type { EntityReadinessState } from './useEntityReadiness';
export {
  STATUS_LABELS,
  STATUS_SENTENCES,
  RESULT_LABELS,
  checkTitle,
} from './statusText';
export { BUILT_IN_WINDOWS_OS_SKUS, moveTargets } from './moveTargets';
export { OwnerRef } from './OwnerRef';
export type { OwnerRefProps } from './OwnerRef';
export { FilterSelect } from './FilterSelect';
export type { FilterSelectProps } from './FilterSelect';
