export * from './processIsolation';
export * from './imagePlatforms';
