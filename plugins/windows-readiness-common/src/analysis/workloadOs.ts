import type { PoolProfile } from '../scheduling/poolProfile';
import { isWindowsOnly, type ImageFacts } from './imageFacts';
import type { OsSelection } from './osSelection';

/** Whether a workload runs Windows containers: `unknown` until the registry says. */
export type WindowsInvolvement = 'yes' | 'no' | 'unknown';

/**
 * docs/rules.md rule 1: a workload's OS comes from where it can be scheduled,
 * not from its tags; rule 2: an image the registry has not described is
 * never taken for a Linux one unless the selection settles the OS.
 */
export function windowsInvolvement(
  selected: readonly PoolProfile[],
  images: readonly ImageFacts[],
  selection: OsSelection,
): WindowsInvolvement {
  const windowsPools = selected.filter(pool => pool.osType === 'Windows');
  const anyWindowsOnly = images.some(isWindowsOnly);
  const anyUnknown = images.some(image => !image.known);
  if (selected.length > 0 && windowsPools.length === 0) {
    // Pinned to Linux: a multi-OS tag runs its Linux variant there.
    return anyWindowsOnly ? 'yes' : 'no';
  }
  if (selected.length > 0 && windowsPools.length === selected.length) {
    return 'yes';
  }
  if (selected.length > 0) {
    if (images.some(image => image.windows)) return 'yes';
    return anyUnknown ? 'unknown' : 'no';
  }
  // The selection matches no pool at all.
  if (selection.windows || anyWindowsOnly) return 'yes';
  if (selection.linux) return 'no';
  return anyUnknown ? 'unknown' : 'no';
}

/** The selection lets it land on Linux and Windows pools alike. */
export function selectsBothOses(selected: readonly PoolProfile[]): boolean {
  const windows = selected.filter(pool => pool.osType === 'Windows').length;
  return windows > 0 && windows < selected.length;
}

/** Selected pools are all Linux (at least one): it is pinned to Linux. */
export function pinnedToLinux(selected: readonly PoolProfile[]): boolean {
  return (
    selected.length > 0 && selected.every(pool => pool.osType !== 'Windows')
  );
}
