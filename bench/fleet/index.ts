/**
 * A deterministic, realistic fleet for benchmarks (and later for the simulator
 * and API benchmarks): AKS clusters with a Linux system pool, a Linux user pool
 * and Windows pools of mixed OS SKUs; services as Deployments with their
 * ReplicaSets, pods and events; and the registry's answers about their images.
 *
 * Same options, same fleet, byte for byte: every random choice comes from a
 * seeded PRNG (sfc32), never from Math.random or the clock.
 *
 * The pods are placed by a small scheduler model of the generator's own
 * (selectors, tolerations, Windows build compatibility), so that pod states
 * tell the same story as the specs: a Windows image on the wrong build crashes
 * with the HCS mismatch, a pod without the toleration stays Pending with a
 * FailedScheduling event, and so on. It is deliberately independent of the
 * engine's rules so that the benchmark does not grade its own homework.
 */
export { generateFleet } from './generateFleet';
export {
  BENCH_FLEET_OPTIONS,
  COLLECT_FLEET_OPTIONS,
  type GenerateFleetOptions,
} from './options';
export { SHARED_IMAGE_REFERENCES } from './images';
export { Rng } from './rng';
export { fleetStats, type FleetStats } from './stats';
