/**
 * Windows readiness rules for AKS: isomorphic, no I/O.
 *
 * @packageDocumentation
 */

export * from './model';
export * from './api/responses';
export * from './versions';
export * from './catalog';
export * from './compat';
export * from './scheduling/taints';
export * from './scheduling/nodeSelection';
export * from './scheduling/labelSelector';
export * from './scheduling/poolProfile';
export type { OsSkuSource } from './scheduling/poolOsSku';
export * from './scheduling/poolsFromNodes';
export * from './images/imageReference';
export * from './workloads/workloads';
export * from './pods/podSignals';
export * from './analysis/imageFacts';
export * from './analysis/workloadAnalysis';
export type { WindowsInvolvement } from './analysis/workloadOs';
export * from './checks';
export * from './evaluate/status';
export * from './evaluate/evaluateFleet';
export * from './evaluate/evaluateCluster';
export * from './evaluate/mergeServiceResult';
export * from './evaluate/serviceResultsByCluster';
export * from './analysis/skuFit';
export * from './evaluate/evaluateWorkload';
export * from './whatIf/whatIf';
export * from './whatIf/osSkuFit';
export * from './report/aggregateReport';
export * from './report/csv';
export * from './report/reportRowFilter';
export * from './report/reportRowChecks';
export * from './report/serviceFacts';
export * from './report/breaking';
export * from './fleet/loadFleet';
export * from './manifests/parseManifests';
export * from './manifests/checkManifests';
export { yamlTooDeepAt } from './fleet/yamlText';
export * from './permissions';
export * from './workloads/namespaceOwners';
export * from './report/workloadRow';
export * from './whatIf/taintWhatIf';
