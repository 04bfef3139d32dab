/**
 * The check as `winready check DIR --fleet F --cluster C --format sarif` runs
 * it once the pools are loaded: read and parse the manifest files, judge
 * them against the cluster, write SARIF.
 */
import { performance } from 'node:perf_hooks';
import {
  checkManifests,
  parseManifests,
  type Cluster,
  type Fleet,
  type ManifestCheckResult,
} from '@winready/plugin-windows-readiness-common';
import { readManifestFiles } from '@winready/plugin-windows-readiness-node';
import { formatCheck } from '../../packages/cli/src/formats/check';

export interface CheckRun {
  readMs: number;
  parseMs: number;
  judgeMs: number;
  sarifMs: number;
  totalMs: number;
  result: ManifestCheckResult;
}

export async function checkOnce(
  dir: string,
  fleet: Fleet,
  cluster: Cluster,
  asOf: Date,
): Promise<CheckRun> {
  const start = performance.now();
  const texts = await readManifestFiles([dir]);
  const read = performance.now();
  const documents = parseManifests(texts);
  const parsed = performance.now();
  const result = checkManifests(documents, cluster, {
    images: fleet.images,
    asOf,
  });
  const judged = performance.now();
  const sarif = formatCheck('sarif', result, 'bench');
  const end = performance.now();
  if (!sarif.startsWith('{')) throw new Error('no SARIF written');
  return {
    readMs: read - start,
    parseMs: parsed - read,
    judgeMs: judged - parsed,
    sarifMs: end - judged,
    totalMs: end - start,
    result,
  };
}

/** Judging the same parsed manifests against every cluster of the fleet, one at a time. */
export function judgeEveryCluster(
  documents: ReturnType<typeof parseManifests>,
  fleet: Fleet,
  asOf: Date,
): number[] {
  return fleet.clusters.map(cluster => {
    const start = performance.now();
    checkManifests(documents, cluster, { images: fleet.images, asOf });
    return performance.now() - start;
  });
}
