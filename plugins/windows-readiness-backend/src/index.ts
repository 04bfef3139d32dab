/**
 * The windows-readiness backend plugin: collects AKS, Kubernetes and registry
 * data on a schedule, stores and evaluates it, and serves the readiness API.
 *
 * @packageDocumentation
 */

export { windowsReadinessPlugin as default } from './plugin';
export { REFRESH_TASK_ID } from './plugin';
export * from './store';
