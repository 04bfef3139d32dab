import { validateFault, type Fault, type FaultTarget } from './faults';
import { json, type Route } from './http';

/** What the control endpoints act on (the RunningSimulator's methods). */
export interface ControlTarget {
  setFault(target: FaultTarget, fault: Fault | undefined): void;
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
  failNextAgentPoolOperation(code: string, message: string): void;
  agentPools(cluster: string): unknown[];
}

function parse(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(body.toString('utf8') || '{}');
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

function control(
  methods: string[],
  pattern: RegExp,
  kind: string,
  handle: Route['handle'],
): Route {
  return { area: 'control', methods, pattern, kind, handle };
}

/**
 * `/_simulator/*`, for tests and demos in another process (no auth; the
 * server answers loopback clients only):
 * - `POST /_simulator/faults` `{ target, fault }` (fault null clears)
 * - `GET /_simulator/requests`, `DELETE /_simulator/requests`
 * - `POST /_simulator/agent-pool-failures` `{ code, message }`
 * - `GET /_simulator/clusters/{cluster}/agent-pools`
 */
export function controlRoutes(sim: ControlTarget): Route[] {
  const bad = (message: string) => json(400, { error: { message } });
  return [
    control(['POST'], /^\/_simulator\/faults$/, 'control.faults', request => {
      const body = parse(request.body);
      if (!body) return bad('body must be a JSON object { target, fault }');
      try {
        validateFault(body.target, body.fault);
      } catch (error) {
        return bad((error as Error).message);
      }
      sim.setFault(
        body.target as FaultTarget,
        (body.fault ?? undefined) as Fault | undefined,
      );
      return { status: 204 };
    }),
    control(['GET'], /^\/_simulator\/requests$/, 'control.requests', () =>
      json(200, sim.requestCounts()),
    ),
    control(['DELETE'], /^\/_simulator\/requests$/, 'control.requests', () => {
      sim.resetRequestCounts();
      return { status: 204 };
    }),
    control(
      ['POST'],
      /^\/_simulator\/agent-pool-failures$/,
      'control.failures',
      request => {
        const body = parse(request.body);
        if (
          typeof body?.code !== 'string' ||
          typeof body.message !== 'string'
        ) {
          return bad('body must be { code, message }');
        }
        sim.failNextAgentPoolOperation(body.code, body.message);
        return { status: 204 };
      },
    ),
    control(
      ['GET'],
      /^\/_simulator\/clusters\/([^/]+)\/agent-pools$/,
      'control.agentPools',
      (_request, [cluster]) => {
        try {
          return json(200, sim.agentPools(cluster));
        } catch (error) {
          return json(404, { error: { message: (error as Error).message } });
        }
      },
    ),
  ];
}
