export { TaintWhatIfPanel } from './TaintWhatIfPanel';
export type { TaintWhatIfPanelProps } from './TaintWhatIfPanel';
export { parseTaintWhatIfLink, taintWhatIfSearch } from './taintInput';
export type { TaintChange, TaintWhatIfLink } from './taintInput';
