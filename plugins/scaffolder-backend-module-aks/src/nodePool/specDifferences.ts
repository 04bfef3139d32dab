import type { AgentPool } from '@azure/arm-containerservice';
import type { NodePoolSpec } from './nodePoolSpec';

function sameText(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}

function sameSet(a: readonly string[] = [], b: readonly string[] = []) {
  const sorted = (list: readonly string[]) =>
    [...new Set(list)].sort().join('\n');
  return sorted(a) === sorted(b);
}

function sameLabels(
  a: Record<string, string> = {},
  b: Record<string, string> = {},
) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every(key => a[key] === b[key]);
}

// `1.33` asks for any 1.33 patch; `1.33.2` for exactly that one.
function sameVersion(requested: string, pool: AgentPool): boolean {
  const actual = [pool.orchestratorVersion, pool.currentOrchestratorVersion];
  return actual.some(
    version =>
      version !== undefined &&
      (version === requested || version.startsWith(`${requested}.`)),
  );
}

const show = (value: unknown) => JSON.stringify(value ?? null);

/**
 * Pure: how an existing pool differs from the spec, one line per field, so
 * that a re-run of the same template succeeds and a different one fails
 * saying why. Fields the spec leaves to AKS (maxPods, zones, version) count
 * only when the spec sets them.
 */
export function specDifferences(spec: NodePoolSpec, pool: AgentPool): string[] {
  const differences: string[] = [];
  const differ = (field: string, wanted: unknown, actual: unknown) =>
    differences.push(
      `${field}: wanted ${show(wanted)}, the pool has ${show(actual)}`,
    );
  if (!sameText(spec.osType, pool.osType))
    differ('osType', spec.osType, pool.osType);
  if (!sameText(spec.osSku, pool.osSKU))
    differ('osSku', spec.osSku, pool.osSKU);
  if (!sameText(spec.mode, pool.mode)) differ('mode', spec.mode, pool.mode);
  if (!sameText(spec.vmSize, pool.vmSize))
    differ('vmSize', spec.vmSize, pool.vmSize);
  if (!!spec.autoscaling !== !!pool.enableAutoScaling) {
    differ('enableAutoScaling', !!spec.autoscaling, !!pool.enableAutoScaling);
  } else if (spec.autoscaling) {
    const { minCount, maxCount } = spec.autoscaling;
    if (minCount !== pool.minCount) differ('minCount', minCount, pool.minCount);
    if (maxCount !== pool.maxCount) differ('maxCount', maxCount, pool.maxCount);
  } else if (spec.count !== pool.count) {
    differ('count', spec.count, pool.count);
  }
  if (!sameSet(spec.taints, pool.nodeTaints)) {
    differ('taints', spec.taints, pool.nodeTaints ?? []);
  }
  if (!sameLabels(spec.labels, pool.nodeLabels)) {
    differ('labels', spec.labels, pool.nodeLabels ?? {});
  }
  if (spec.kubernetesVersion && !sameVersion(spec.kubernetesVersion, pool)) {
    differ(
      'kubernetesVersion',
      spec.kubernetesVersion,
      pool.orchestratorVersion,
    );
  }
  if (spec.maxPods !== undefined && spec.maxPods !== pool.maxPods) {
    differ('maxPods', spec.maxPods, pool.maxPods);
  }
  if (
    spec.availabilityZones &&
    !sameSet(spec.availabilityZones, pool.availabilityZones)
  ) {
    differ(
      'availabilityZones',
      spec.availabilityZones,
      pool.availabilityZones ?? [],
    );
  }
  return differences;
}
