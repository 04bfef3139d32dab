import type { OsSkuTable } from '../catalog/osSkus';
import type {
  CheckId,
  CheckResult,
  CheckResultValue,
  Evidence,
} from '../model';
import type { ImageFacts } from '../analysis/imageFacts';
import type { PoolProfile } from '../scheduling/poolProfile';
import { formatWindowsVersion } from '../versions/windowsVersion';
import type { Workload } from '../workloads/workloads';
import { parseOsVersion } from '../versions/windowsVersion';

export interface CheckContext {
  /** Dates count from this instant, so results are reproducible. */
  asOf: Date;
  osSkus: OsSkuTable;
  /** A retirement closer than this many days warns. */
  retirementWarningDays: number;
}

export function result(
  id: CheckId,
  value: CheckResultValue,
  message: string,
  evidence: Evidence[] = [],
  remediation?: CheckResult['remediation'],
): CheckResult {
  return remediation
    ? { id, result: value, message, evidence, remediation }
    : { id, result: value, message, evidence };
}

export function objectRef(workload: Workload): string {
  return `${workload.kind} ${workload.namespace}/${workload.name}`;
}

export function poolBuild(pool: PoolProfile): string | undefined {
  return pool.hostBuild
    ? formatWindowsVersion(pool.hostBuild, true)
    : undefined;
}

export function imageBuilds(image: ImageFacts): string[] {
  return image.platforms
    .filter(platform => platform.os === 'windows')
    .map(platform => platform.osVersion ?? 'any build (no os.version)');
}

/** Windows builds an image offers, as numbers. */
export function imageBuildNumbers(image: ImageFacts): number[] {
  return image.platforms
    .filter(platform => platform.os === 'windows')
    .map(platform => parseOsVersion(platform.osVersion)?.build)
    .filter((build): build is number => build !== undefined);
}

export function poolEvidence(
  workload: Workload,
  pool: PoolProfile,
  extra: Partial<Evidence> = {},
): Evidence {
  return {
    cluster: workload.cluster,
    pool: pool.name,
    object: objectRef(workload),
    osSku: pool.osSku,
    poolBuild: poolBuild(pool),
    ...extra,
  };
}

export function names(pools: readonly PoolProfile[]): string {
  return pools.map(pool => pool.name).join(', ');
}
