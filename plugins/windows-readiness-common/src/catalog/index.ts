export * from './windowsBuilds';
export * from './osSkus';
export * from './osSkuChoice';
