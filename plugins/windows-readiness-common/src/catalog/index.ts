export * from './windowsBuilds';
export * from './osSkus';
