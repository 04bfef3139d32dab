/**
 * `--check`: validates small generated fleets against the fleet schema
 * (parseFleet), checks that generation is deterministic, that every scheduled
 * pod names a node of its cluster's pools, and that the evaluation finds
 * something to grade. Returns the exit code: 1 when a fleet fails.
 */
import {
  evaluateFleet,
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
  ];
  let failures = 0;
  const fail = (message: string) => {
    failures++;
    process.stderr.write(`check FAILED: ${message}\n`);
  };
  for (const options of cases) {
    const label = `${options.clusters}x${options.poolsPerCluster} pools, ${options.services} services`;
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
    const expectedPods = options.services * (options.podsPerService ?? 10);
    if (stats.pods !== expectedPods) {
      fail(`${label}: ${stats.pods} pods, expected ${expectedPods}`);
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
