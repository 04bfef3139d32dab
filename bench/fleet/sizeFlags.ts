/** The fleet-size command-line flags every benchmark takes, by option. */
export const FLEET_SIZE_FLAGS = new Map<
  string,
  'clusters' | 'poolsPerCluster' | 'services' | 'podsPerService'
>([
  ['--clusters', 'clusters'],
  ['--pools-per-cluster', 'poolsPerCluster'],
  ['--services', 'services'],
  ['--pods-per-service', 'podsPerService'],
]);
