/**
 * A local AKS on loopback HTTPS: ARM, the Kubernetes API of each cluster and
 * an OCI registry, served from a winready fleet file, for tests, demos and
 * benchmarks that drive the real Azure SDK and Kubernetes client.
 *
 * @packageDocumentation
 */

export { startAksSimulator } from './startAksSimulator';
export type { RunningSimulator, SimulatorOptions } from './startAksSimulator';
export type { Fault, FaultTarget } from './faults';
export { simulatorAppConfig } from './appConfig';
export type { SimulatorAppConfig } from './appConfig';
export { run } from './cli';
