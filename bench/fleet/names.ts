/** Names as Kubernetes and AKS generate them: hashes, suffixes and node names. */
import type { PoolModel } from './model';
import type { Rng } from './rng';

/** The alphabet of Kubernetes generated names (pod-template-hash, pod suffix). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
export const HEX = '0123456789abcdef';

/** Zero-padded, e.g. cluster `007` or a VMSS id. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A node of the pool: Windows `aks<pool><6>`, Linux `aks-<pool>-<vmssId>-vmss<6>`. */
export function nodeName(rng: Rng, pool: PoolModel): string {
  return poolNodeName(
    pool,
    rng.int(0, Math.max((pool.pool.count ?? 1) - 1, 0)),
  );
}

/** The pool's node number `instance` (0-based), as AKS names it. */
export function poolNodeName(pool: PoolModel, instance: number): string {
  const suffix = instance.toString(36).padStart(6, '0');
  return pool.windows
    ? `aks${pool.pool.name}${suffix}`
    : `aks-${pool.pool.name}-${pool.vmssId}-vmss${suffix}`;
}
