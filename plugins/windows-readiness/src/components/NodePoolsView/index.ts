export { NodePoolsView } from './NodePoolsView';
export type { NodePoolsViewProps } from './NodePoolsView';
export { ClusterPoolsCard } from './ClusterPoolsCard';
export type { ClusterPoolsCardProps } from './ClusterPoolsCard';
export { WhatIfPanel } from './WhatIfPanel';
export type { WhatIfPanelProps } from './WhatIfPanel';
export { ServiceRefList } from './ServiceRefList';
export type { ServiceRefListProps } from './ServiceRefList';
export { isUntaintedWindowsPool } from './poolFacts';
