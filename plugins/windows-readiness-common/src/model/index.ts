export * from './kubernetes';
export * from './fleet';
export * from './results';
export * from './api';
export * from './manifestCheck';
export * from './workloadRows';
export * from './taintWhatIf';
