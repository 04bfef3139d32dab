import {
  findOsSku,
  isBlockingTaint,
  isKubernetesVersionAllowed,
  parseTaint,
  type OsSkuInfo,
  type OsSkuTable,
} from '@winready/plugin-windows-readiness-common';
import type { NodePoolRequest, NodePoolSpec } from './nodePoolSpec';
import { labelProblems } from './labels';

/** What validation found: problems stop the action, notes are logged. */
export interface NodePoolValidation {
  spec?: NodePoolSpec;
  problems: string[];
  notes: string[];
}

// AKS names Windows nodes aks + pool + 6 digits and must fit the
// 15-character Windows computer name; other pools may use up to 12.
const WINDOWS_NAME_LENGTH = 6;
const POOL_NAME_LENGTH = 12;
const NAME_CHARACTERS = /^[a-z][a-z0-9]*$/;
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const KUBERNETES_VERSION = /^\d+\.\d+(\.\d+)?$/;
const VM_SIZE = /^Standard_[A-Za-z0-9_]+$/;
// Ampere (arm64) sizes carry a "p" feature letter: Windows has no arm64 nodes on AKS.
const ARM64_VM_SIZE = /^Standard_[A-Z]+\d+[a-z]*p[a-z]*_v\d+$/i;
const ZONES = ['1', '2', '3'];

function nameProblems(name: string, osType: string): string[] {
  const limit = osType === 'Windows' ? WINDOWS_NAME_LENGTH : POOL_NAME_LENGTH;
  const problems: string[] = [];
  if (!NAME_CHARACTERS.test(name)) {
    problems.push(
      `name: "${name}" must start with a lowercase letter and hold only lowercase letters and digits.`,
    );
  }
  if (name.length === 0 || name.length > limit) {
    problems.push(
      osType === 'Windows'
        ? `name: Windows pool names are 1 to ${limit} characters; "${name}" has ${name.length} (AKS names Windows nodes "aks" + pool name + 6 digits, within the 15-character Windows computer name).`
        : `name: pool names are 1 to ${limit} characters; "${name}" has ${name.length}.`,
    );
  }
  return problems;
}

function taintProblems(taints: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  taints.forEach((text, index) => {
    const at = `taints[${index}]`;
    const effect = /:([^:]*)$/.exec(text)?.[1];
    if (effect !== undefined && !TAINT_EFFECTS.includes(effect)) {
      problems.push(
        `${at}: effect "${effect}" of "${text}" must be one of ${TAINT_EFFECTS.join(
          ', ',
        )}.`,
      );
      return;
    }
    const taint = parseTaint(text);
    if (!taint) {
      problems.push(
        `${at}: "${text}" is not a taint; write key=value:Effect (value optional), e.g. sku=win:NoSchedule.`,
      );
      return;
    }
    const identity = `${taint.key}:${taint.effect}`;
    if (seen.has(identity)) {
      problems.push(
        `${at}: a second taint with key "${taint.key}" and effect ${taint.effect}.`,
      );
    }
    seen.add(identity);
  });
  return problems;
}

function wholeNumber(value: number | undefined, min: number, max: number) {
  return (
    value !== undefined &&
    Number.isInteger(value) &&
    value >= min &&
    value <= max
  );
}

function sizeProblems(
  request: NodePoolRequest,
  mode: string,
  notes: string[],
): string[] {
  const problems: string[] = [];
  // System pools keep at least one node; user pools may scale to zero.
  const min = mode === 'System' ? 1 : 0;
  if (request.enableAutoScaling) {
    const { minCount, maxCount, count } = request;
    if (
      !wholeNumber(minCount, min, 1000) ||
      !wholeNumber(maxCount, min, 1000)
    ) {
      problems.push(
        `minCount, maxCount: with autoscaling both are whole numbers from ${min} to 1000 (got ${
          minCount ?? 'none'
        } and ${maxCount ?? 'none'}).`,
      );
    } else if (minCount! > maxCount!) {
      problems.push(`minCount: ${minCount} is above maxCount ${maxCount}.`);
    } else if (
      count !== undefined &&
      (count < minCount! || count > maxCount!)
    ) {
      problems.push(
        `count: ${count} lies outside minCount ${minCount} to maxCount ${maxCount}.`,
      );
    }
  } else {
    // A form keeps the bounds when autoscaling is switched off again.
    if (request.minCount !== undefined || request.maxCount !== undefined) {
      notes.push('minCount and maxCount are ignored: autoscaling is off.');
    }
    if (!wholeNumber(request.count ?? 1, min, 1000)) {
      problems.push(
        `count: ${request.count} must be a whole number from ${min} to 1000 for a ${mode} pool.`,
      );
    }
  }
  if (request.maxPods !== undefined && !wholeNumber(request.maxPods, 10, 250)) {
    problems.push(
      `maxPods: ${request.maxPods} must be a whole number from 10 to 250.`,
    );
  }
  const zones = request.availabilityZones ?? [];
  const badZone = zones.find(zone => !ZONES.includes(zone));
  if (badZone !== undefined || new Set(zones).size !== zones.length) {
    problems.push(
      `availabilityZones: ${JSON.stringify(
        zones,
      )} must be distinct zones among ${ZONES.join(', ')}.`,
    );
  }
  return problems;
}

function versionProblems(
  request: NodePoolRequest,
  sku: OsSkuInfo,
  clusterVersion: string | undefined,
  notes: string[],
): string[] {
  const problems: string[] = [];
  const poolVersion = request.kubernetesVersion;
  if (poolVersion !== undefined && !KUBERNETES_VERSION.test(poolVersion)) {
    return [
      `kubernetesVersion: "${poolVersion}" is not a version like 1.33 or 1.33.2.`,
    ];
  }
  if (
    poolVersion &&
    clusterVersion &&
    compareVersions(poolVersion, clusterVersion) > 0
  ) {
    problems.push(
      `kubernetesVersion: ${poolVersion} is newer than the cluster's control plane (${clusterVersion}).`,
    );
  }
  const version = poolVersion ?? clusterVersion;
  if (!version) {
    notes.push(
      `The cluster's Kubernetes version is unknown here, so whether ${sku.osSku} may run it was not checked.`,
    );
    return problems;
  }
  if (isKubernetesVersionAllowed(sku, version) === false) {
    const range = `${sku.minKubernetesVersion ?? 'any'} to ${
      sku.maxKubernetesVersion ?? 'any'
    }`;
    problems.push(
      `osSku: AKS runs ${
        sku.osSku
      } pools on Kubernetes ${range} only; this pool would run ${version}. ${
        sku.successor ? `Use ${sku.successor}.` : ''
      }`.trim(),
    );
  }
  return problems;
}

function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, '').split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    // `1.33` means any 1.33 patch: compare only what both give.
    if (x[i] === undefined || y[i] === undefined) return 0;
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Pure: every rule AKS (and a sane mixed-OS cluster) holds a new pool to,
 * checked before any call so that a template fails with all its mistakes
 * at once.
 */
export function validateNodePool(
  request: NodePoolRequest,
  context: {
    osSkus: OsSkuTable;
    clusterKubernetesVersion?: string;
    /** Pools the cluster is known to have; ARM has the last word in a real run. */
    existingPoolNames?: readonly string[];
  },
): NodePoolValidation {
  const problems: string[] = [];
  const notes: string[] = [];
  const sku = findOsSku(context.osSkus, request.osSku);
  if (!sku) {
    problems.push(
      `osSku: "${request.osSku}" is not an OS SKU winready knows (known: ${[
        ...context.osSkus.keys(),
      ].join(', ')}).`,
    );
  }
  const osType = request.osType ?? sku?.osType ?? 'Linux';
  if (sku && request.osType && request.osType !== sku.osType) {
    problems.push(
      `osType: ${request.osType} does not go with ${sku.osSku}, a ${sku.osType} OS SKU.`,
    );
  }
  const mode = request.mode ?? 'User';
  if (osType === 'Windows' && mode !== 'User') {
    problems.push(
      `mode: Windows pools must be User pools; every AKS cluster keeps its system pods on a Linux System pool.`,
    );
  }
  problems.push(...nameProblems(request.name, osType));
  if (context.existingPoolNames?.includes(request.name)) {
    problems.push(
      `name: cluster ${request.cluster} already has a pool named "${request.name}"; choose another name.`,
    );
  }
  if (!VM_SIZE.test(request.vmSize)) {
    problems.push(
      `vmSize: "${request.vmSize}" is not an Azure VM size like Standard_D4s_v5.`,
    );
  } else if (osType === 'Windows' && ARM64_VM_SIZE.test(request.vmSize)) {
    problems.push(
      `vmSize: ${request.vmSize} is an Arm64 size; AKS runs Windows nodes on x64 sizes only.`,
    );
  }
  problems.push(...taintProblems(request.taints));
  problems.push(...labelProblems(request.labels));
  problems.push(...sizeProblems(request, mode, notes));
  if (sku) {
    problems.push(
      ...versionProblems(request, sku, context.clusterKubernetesVersion, notes),
    );
  }
  if (
    osType === 'Windows' &&
    !request.taints.some(text => {
      const taint = parseTaint(text);
      return taint && isBlockingTaint(taint);
    })
  ) {
    notes.push(
      'The pool has no NoSchedule or NoExecute taint: Linux pods without an OS selector may land on it (check windows-pool-taint).',
    );
  }
  if (problems.length > 0) return { problems, notes };
  const spec: NodePoolSpec = {
    subscriptionId: request.subscriptionId,
    resourceGroup: request.resourceGroup,
    cluster: request.cluster,
    name: request.name,
    osType,
    osSku: sku!.osSku,
    mode,
    vmSize: request.vmSize,
    count: request.count ?? (request.enableAutoScaling ? request.minCount! : 1),
    taints: request.taints.map(text => text.trim()),
    labels: request.labels,
    ...(request.enableAutoScaling
      ? {
          autoscaling: {
            minCount: request.minCount!,
            maxCount: request.maxCount!,
          },
        }
      : {}),
    ...(request.kubernetesVersion
      ? { kubernetesVersion: request.kubernetesVersion }
      : {}),
    ...(request.maxPods !== undefined ? { maxPods: request.maxPods } : {}),
    ...(request.availabilityZones?.length
      ? { availabilityZones: [...request.availabilityZones].sort() }
      : {}),
  };
  return { spec, problems, notes };
}
