import { armStatusError } from './arm/armErrors';
import type { SimResponse } from './http';
import { kubernetesStatus } from './kubernetes/status';
import { registryStatusError } from './registry/errors';

/** What goes wrong with the requests of a target. */
export interface Fault {
  /** Delay every matching response by this much. */
  latencyMs?: number;
  /** Answer with this status and an ARM/Kubernetes/registry-shaped error body. */
  status?: 429 | 500 | 503;
  /** `Retry-After` header (seconds) with a 429 or 503. */
  retryAfterSeconds?: number;
  /** Never answer: the client must time out. The socket closes on stop(). */
  hang?: boolean;
  /** Answer 200 with a body that is not valid JSON. */
  malformed?: boolean;
  /** How many matching requests the fault applies to; default all. */
  count?: number;
}

/** `kubernetes:<cluster>` targets one cluster's Kubernetes API. */
export type FaultTarget =
  | 'arm'
  | 'kubernetes'
  | `kubernetes:${string}`
  | 'registry';

export type FaultArea = 'arm' | 'kubernetes' | 'registry';

const TARGET = /^(arm|kubernetes|registry|kubernetes:.+)$/;
const STATUSES = [429, 500, 503];

function checkNumber(fault: Fault, field: keyof Fault, min: number): void {
  const value = fault[field];
  if (
    value !== undefined &&
    (typeof value !== 'number' || !Number.isFinite(value) || value < min)
  ) {
    throw new Error(`fault.${field} must be a number >= ${min}`);
  }
}

/** Throws on a target or fault the simulator cannot apply. */
export function validateFault(target: unknown, fault: unknown): void {
  if (typeof target !== 'string' || !TARGET.test(target)) {
    throw new Error(
      `fault target must be arm, kubernetes, kubernetes:<cluster> or registry, got ${JSON.stringify(
        target,
      )}`,
    );
  }
  if (fault === undefined || fault === null) return;
  if (typeof fault !== 'object' || Array.isArray(fault)) {
    throw new Error('fault must be an object');
  }
  const f = fault as Fault;
  if (f.status !== undefined && !STATUSES.includes(f.status)) {
    throw new Error('fault.status must be 429, 500 or 503');
  }
  checkNumber(f, 'latencyMs', 0);
  checkNumber(f, 'retryAfterSeconds', 0);
  checkNumber(f, 'count', 1);
}

/** The faults in force, by target; `take` uses one up. */
export class FaultRegistry {
  private readonly faults = new Map<string, Fault & { remaining?: number }>();

  set(target: FaultTarget, fault: Fault | undefined): void {
    validateFault(target, fault);
    if (!fault) {
      this.faults.delete(target);
      return;
    }
    this.faults.set(target, { ...fault, remaining: fault.count });
  }

  /**
   * The fault for a request of this area (and cluster, for Kubernetes): the
   * cluster's own fault first, then the area's. Counts one use of it.
   */
  take(area: FaultArea, cluster?: string): Fault | undefined {
    const targets =
      area === 'kubernetes' && cluster !== undefined
        ? [`kubernetes:${cluster}`, 'kubernetes']
        : [area];
    for (const target of targets) {
      const fault = this.faults.get(target);
      if (!fault) continue;
      if (fault.remaining !== undefined) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) this.faults.delete(target);
      }
      return fault;
    }
    return undefined;
  }

  clear(): void {
    this.faults.clear();
  }
}

/** What a fault makes of a request. */
export type FaultOutcome =
  | { kind: 'hang' }
  | { kind: 'respond'; response: SimResponse; latencyMs: number }
  | { kind: 'pass'; latencyMs: number };

const MALFORMED: Record<FaultArea, string> = {
  arm: '{"value":[{"id":"/subscriptions/',
  kubernetes: '{"kind":"List","apiVersion":"v1","items":[{"metadata":',
  registry: '{"schemaVersion":2,"mediaType":',
};

/** Pure: the outcome of a fault for a request of an area. */
export function faultOutcome(area: FaultArea, fault: Fault): FaultOutcome {
  const latencyMs = fault.latencyMs ?? 0;
  if (fault.hang) return { kind: 'hang' };
  if (fault.status !== undefined) {
    const headers: Record<string, string> = {};
    if (
      fault.retryAfterSeconds !== undefined &&
      (fault.status === 429 || fault.status === 503)
    ) {
      headers['Retry-After'] = String(fault.retryAfterSeconds);
    }
    const status = fault.status;
    const message = `injected fault: ${status}`;
    const shapes: Record<FaultArea, () => SimResponse> = {
      arm: () => armStatusError(status, message, headers),
      kubernetes: () => kubernetesStatus(status, message, { headers }),
      registry: () => registryStatusError(status, message, headers),
    };
    const response = shapes[area]();
    return { kind: 'respond', response, latencyMs };
  }
  if (fault.malformed) {
    return {
      kind: 'respond',
      response: {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: MALFORMED[area],
      },
      latencyMs,
    };
  }
  return { kind: 'pass', latencyMs };
}
