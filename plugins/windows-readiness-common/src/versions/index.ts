export * from './windowsVersion';
export * from './nodeImageVersion';
