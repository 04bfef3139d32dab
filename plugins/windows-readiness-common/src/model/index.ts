export * from './kubernetes';
export * from './fleet';
export * from './results';
