/**
 * Windows readiness for AKS: the backend plugin `windows-readiness`.
 *
 * @packageDocumentation
 */

export * from './store';
