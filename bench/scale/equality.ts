/**
 * Whether the stored report equals `evaluateFleet` on the same fleet: every
 * row of GET /v1/report (paged) against each service's status as the
 * simulator child, which holds the fleet, judges it at the report's asOf.
 */
import type { Child } from '../api/children';
import { request } from '../api/http';
import { WR } from './cycle';
import type { FleetEvaluated } from './simulatorChild';

export interface Equality {
  same: boolean;
  asOf: string;
  services: { stored: number; evaluated: number };
  byStatus: {
    stored: Record<string, number>;
    evaluated: Record<string, number>;
  };
  /** Up to 20 services whose status differs or that one side lacks. */
  differences: Array<{ service: string; stored?: string; evaluated?: string }>;
  differing: number;
}

const PAGE = 10_000;
const COMPONENT = 'component:default/';

async function storedStatuses(baseUrl: string, token: string) {
  const statuses = new Map<string, string>();
  for (let offset = 0; ; offset += PAGE) {
    const answer = await request(
      `${baseUrl}${WR}/v1/report?limit=${PAGE}&offset=${offset}`,
      { token, timeoutMs: 300_000 },
    );
    if (answer.status !== 200) {
      throw new Error(`GET /v1/report answered ${answer.status}`);
    }
    const page = answer.json<{
      total: number;
      items: Array<{ entityRef: string; status: string }>;
    }>();
    for (const row of page.items) {
      const id = row.entityRef.startsWith(COMPONENT)
        ? row.entityRef.slice(COMPONENT.length)
        : row.entityRef;
      statuses.set(id, row.status);
    }
    if (offset + PAGE >= page.total) return statuses;
  }
}

const countOf = (statuses: Iterable<string>) => {
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
};

export async function compareReport(options: {
  baseUrl: string;
  token: string;
  asOf: string;
  simulator: Child;
}): Promise<Equality> {
  const stored = await storedStatuses(options.baseUrl, options.token);
  options.simulator.send({ type: 'evaluate', asOf: options.asOf });
  const evaluated = await options.simulator.waitForMessage<FleetEvaluated>(
    m => (m?.type === 'evaluated' ? m : undefined),
    600_000,
  );
  const local = new Map(evaluated.statuses);
  const differences: Equality['differences'] = [];
  let differing = 0;
  for (const service of new Set([...stored.keys(), ...local.keys()])) {
    if (stored.get(service) === local.get(service)) continue;
    differing++;
    if (differences.length < 20) {
      differences.push({
        service,
        stored: stored.get(service),
        evaluated: local.get(service),
      });
    }
  }
  return {
    same: differing === 0,
    asOf: options.asOf,
    services: { stored: stored.size, evaluated: local.size },
    byStatus: {
      stored: countOf(stored.values()),
      evaluated: countOf(local.values()),
    },
    differences,
    differing,
  };
}
