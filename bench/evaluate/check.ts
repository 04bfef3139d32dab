/**
 * `--check`: validates small generated fleets against the fleet schema
 * (parseFleet), checks that generation is deterministic, that every scheduled
 * pod names a node of its cluster's pools, and that the evaluation finds
 * something to grade. Returns the exit code: 1 when a fleet fails.
 */
import {
  evaluateFleet,
  extractWorkloads,
  FleetValidationError,
  parseFleet,
} from '@winready/plugin-windows-readiness-common';
import { fleetStats, generateFleet, type GenerateFleetOptions } from '../fleet';
import type { Args } from './args';
import { countResults } from './counts';

export function runCheck(args: Args): number {
  const cases: GenerateFleetOptions[] = [
    {
      clusters: 4,
      poolsPerCluster: 5,
      services: 80,
      podsPerService: 4,
      seed: args.fleet.seed,
    },
    {
      clusters: 3,
      poolsPerCluster: 9,
      services: 40,
      podsPerService: 3,
      seed: `${args.fleet.seed}-wide`,
    },
    {
      clusters: 2,
      poolsPerCluster: 1,
      services: 10,
      seed: `${args.fleet.seed}-tiny`,
    },
    {
      clusters: 4,
      poolsPerCluster: 5,
      services: 60,
      podsPerService: 3,
      unownedWorkloads: 40,
      seed: `${args.fleet.seed}-unowned`,
    },
  ];
  let failures = 0;
  const fail = (message: string) => {
    failures++;
    process.stderr.write(`check FAILED: ${message}\n`);
  };
  for (const options of cases) {
    const unowned = options.unownedWorkloads ?? 0;
    const label = `${options.clusters}x${options.poolsPerCluster} pools, ${
      options.services
    } services${unowned ? `, ${unowned} unowned workloads` : ''}`;
    const fleet = generateFleet(options);
    const text = JSON.stringify(fleet);
    if (text !== JSON.stringify(generateFleet(options))) {
      fail(`${label}: two generations with the same seed differ`);
    }
    try {
      parseFleet(text, `generated fleet (${label})`);
    } catch (error) {
      fail(
        error instanceof FleetValidationError ? error.message : String(error),
      );
      continue;
    }
    const stats = fleetStats(fleet);
    // The services' pods, and as many workloads without a service as asked
    // for, as the engine's own extractWorkloads finds them.
    const expectedPods = options.services * (options.podsPerService ?? 10);
    const workloads = fleet.clusters.flatMap(extractWorkloads);
    const servicePods = workloads
      .filter(workload => workload.serviceId)
      .reduce((sum, workload) => sum + workload.pods.length, 0);
    if (servicePods !== expectedPods) {
      fail(`${label}: ${servicePods} service pods, expected ${expectedPods}`);
    }
    const withoutService = workloads.filter(workload => !workload.serviceId);
    if (
      withoutService.length !== unowned ||
      stats.unownedWorkloads !== unowned
    ) {
      fail(
        `${label}: ${withoutService.length} workloads without a service (${stats.unownedWorkloads} counted), expected ${unowned}`,
      );
    }
    if (unowned && !withoutService.some(workload => workload.pods.length)) {
      fail(`${label}: no unowned workload has a pod`);
    }
    if (stats.pools !== options.clusters * options.poolsPerCluster) {
      fail(`${label}: ${stats.pools} pools`);
    }
    // Every scheduled pod names a node of a pool of its cluster.
    for (const cluster of fleet.clusters) {
      const pools = cluster.nodePools;
      for (const object of cluster.objects ?? []) {
        const node: string | undefined =
          object.kind === 'Pod' ? object.spec?.nodeName : undefined;
        if (!node) continue;
        const owner = pools.find(pool =>
          pool.osType === 'Windows'
            ? new RegExp(`^aks${pool.name}[0-9a-z]{6}$`).test(node)
            : new RegExp(`^aks-${pool.name}-\\d{8}-vmss[0-9a-z]{6}$`).test(
                node,
              ),
        );
        if (!owner)
          fail(
            `${label}: pod ${object.metadata?.name} on unknown node ${node}`,
          );
      }
    }
    const counts = countResults(
      evaluateFleet(fleet, { asOf: new Date(args.asOf) }),
    );
    const statuses = Object.entries(counts.statuses)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ');
    if (
      options.poolsPerCluster >= 3 &&
      counts.statuses['not-applicable'] === counts.services
    ) {
      fail(`${label}: every service is not-applicable`);
    }
    process.stderr.write(
      `check ok: ${label}: ${stats.pods} pods, ${stats.events} events, ${stats.images} images; valid fleet; ${statuses}\n`,
    );
  }
  process.stdout.write(
    failures
      ? `check: ${failures} problem(s)\n`
      : 'check: generated fleets are valid\n',
  );
  return failures ? 1 : 0;
}
