/**
 * The windows-readiness backend plugin: collects AKS, Kubernetes and registry
 * data on a schedule, stores and evaluates it, and serves the readiness API.
 *
 * @packageDocumentation
 */

export { windowsReadinessPlugin as default } from './plugin';
export { REFRESH_TASK_ID } from './plugin';
/** Where the plugin reads the time; tests and embedders may replace it. */
export { clockServiceRef, type ClockService } from './service/clock';
export * from './store';
