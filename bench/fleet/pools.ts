/**
 * Node pools as AKS creates them: the Linux system pool, a Linux user pool
 * and Windows pools of the SKUs the cluster's Kubernetes version supports,
 * with the node labels AKS puts on their nodes.
 */
import type { NodePool } from '@winready/plugin-windows-readiness-common';
import {
  LINUX_SYSTEM_SKUS,
  LINUX_USER_SKUS,
  LINUX_VM_SIZES,
  WINDOWS_VM_SIZES,
  type WindowsSku,
} from './aksCatalog';
import { windowsBuildLabel, type ClusterModel, type TaintSpec } from './model';
import { pad } from './names';
import type { Rng } from './rng';

/** A generated pool before it joins its cluster. */
export interface PoolSpec {
  pool: NodePool;
  /** The Windows build of the pool's nodes (Linux: none). */
  build?: number;
  taint?: TaintSpec;
}

export function systemPool(rng: Rng): PoolSpec {
  const system = rng.weighted(LINUX_SYSTEM_SKUS);
  return {
    pool: {
      name: rng.chance(0.7) ? 'system' : 'nodepool1',
      osType: 'Linux',
      osSku: system.osSku,
      mode: 'System',
      count: rng.pick([2, 3, 3, 5]),
      vmSize: 'Standard_D4ds_v5',
      nodeImageVersion: rng.pick(system.nodeImages),
    },
    taint: rng.chance(0.5)
      ? { key: 'CriticalAddonsOnly', value: 'true', effect: 'NoSchedule' }
      : undefined,
  };
}

export function linuxUserPool(rng: Rng): PoolSpec {
  const user = rng.weighted(LINUX_USER_SKUS);
  return {
    pool: {
      name: 'nplinux',
      osType: 'Linux',
      osSku: user.osSku,
      mode: 'User',
      count: rng.int(3, 20),
      vmSize: rng.pick(LINUX_VM_SIZES),
      nodeImageVersion: rng.pick(user.nodeImages),
      labels: { workload: 'general' },
    },
  };
}

const osWindows = (effect: string): TaintSpec => ({
  key: 'os',
  value: 'windows',
  effect,
});

/** A Windows pool of one of `skus`, named unlike the pools in `taken`. */
export function windowsPool(
  rng: Rng,
  skus: readonly WindowsSku[],
  taken: ReadonlySet<string>,
): PoolSpec {
  const sku = rng.weighted(skus);
  const nodeImageVersion = rng.pick(sku.nodeImages);
  const [, revision] = /-\d{5}\.(\d+)\.\d{6}$/.exec(nodeImageVersion)!;
  const pool: NodePool = {
    name: windowsPoolName(sku, taken),
    osType: 'Windows',
    // Old pools created without osSKU get AKS's default (Windows2022 from 1.25).
    ...(sku.osSku === 'Windows2022' && rng.chance(0.05)
      ? {}
      : { osSku: sku.osSku }),
    mode: 'User',
    count: rng.int(1, 8),
    vmSize: rng.pick(WINDOWS_VM_SIZES),
    nodeImageVersion,
    ...(rng.chance(0.25)
      ? { kernelVersion: `10.0.${sku.build}.${revision}` }
      : {}),
    ...(rng.chance(0.3) ? { labels: { workload: 'windows' } } : {}),
  };
  // Most Windows pools carry the usual taint; some only prefer it.
  const roll = rng.next();
  const taint =
    roll < 0.68
      ? osWindows('NoSchedule')
      : roll < 0.76
      ? osWindows('PreferNoSchedule')
      : undefined;
  return { pool, build: sku.build, taint };
}

// Windows pool names are at most 6 characters: `npw22`, then `w22p2`, ...
function windowsPoolName(sku: WindowsSku, taken: ReadonlySet<string>): string {
  const candidates = [`np${sku.code}`];
  for (let k = 2; k < 1296; k++)
    candidates.push(`${sku.code}p${k.toString(36)}`);
  for (const name of candidates) {
    if (name.length <= 6 && !taken.has(name)) return name;
  }
  throw new Error(`no free Windows pool name for ${sku.osSku}`);
}

function formatTaint(taint: TaintSpec): string {
  return `${taint.key}${taint.value !== undefined ? `=${taint.value}` : ''}:${
    taint.effect
  }`;
}

/** Adds the pool to its cluster, with the labels AKS puts on its nodes. */
export function addPool(
  rng: Rng,
  model: ClusterModel,
  { pool, build, taint }: PoolSpec,
): void {
  if (taint) pool.taints = [formatTaint(taint)];
  model.cluster.nodePools.push(pool);
  const windows = pool.osType === 'Windows';
  const os = windows ? 'windows' : 'linux';
  const labels: Record<string, string> = {
    'kubernetes.io/os': os,
    'beta.kubernetes.io/os': os,
    agentpool: pool.name,
    'kubernetes.azure.com/agentpool': pool.name,
    'kubernetes.azure.com/mode': (pool.mode ?? 'User').toLowerCase(),
    // AKS labels the effective SKU, also when the pool was created without one.
    ...(pool.osSku || windows
      ? {
          'kubernetes.azure.com/os-sku':
            pool.osSku ??
            (windows && build === 17763 ? 'Windows2019' : 'Windows2022'),
        }
      : {}),
    ...(windows && build
      ? { 'node.kubernetes.io/windows-build': windowsBuildLabel(build) }
      : {}),
    ...(pool.labels ?? {}),
  };
  model.pools.push({
    pool,
    windows,
    build,
    labels,
    taint,
    vmssId: pad(rng.int(10000000, 99999999), 8),
  });
}
