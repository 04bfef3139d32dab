import type { GenerateFleetOptions } from './options';

/** The fleet generator's options that a whole number sets. */
export type FleetSizeOption = {
  [K in keyof GenerateFleetOptions]-?: NonNullable<
    GenerateFleetOptions[K]
  > extends number
    ? K
    : never;
}[keyof GenerateFleetOptions];

/** The fleet-size command-line flags every benchmark takes, by option. */
export const FLEET_SIZE_FLAGS: ReadonlyMap<string, FleetSizeOption> = new Map<
  string,
  FleetSizeOption
>([
  ['--clusters', 'clusters'],
  ['--pools-per-cluster', 'poolsPerCluster'],
  ['--services', 'services'],
  ['--pods-per-service', 'podsPerService'],
]);

/** A flag's whole-number value of at least `min`; an error naming the flag otherwise. */
export function wholeNumber(
  flag: string,
  value: string | undefined,
  min: number,
): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min) {
    throw new Error(`${flag} needs a whole number >= ${min}, got ${value}`);
  }
  return n;
}

/** Reads a fleet-size flag's value into `fleet`; false when `flag` is not one. */
export function readFleetSizeFlag(
  fleet: GenerateFleetOptions,
  flag: string,
  next: () => string | undefined,
  min: number,
  flags: ReadonlyMap<string, FleetSizeOption> = FLEET_SIZE_FLAGS,
): boolean {
  const option = flags.get(flag);
  if (option) fleet[option] = wholeNumber(flag, next(), min);
  return option !== undefined;
}
