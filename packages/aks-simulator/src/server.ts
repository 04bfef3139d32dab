import type { IncomingMessage, ServerResponse } from 'node:http';
import { armStatusError } from './arm/armErrors';
import { faultOutcome, type FaultArea, type FaultRegistry } from './faults';
import {
  isLoopback,
  json,
  kindOf,
  readBody,
  send,
  type Area,
  type Router,
  type SimRequest,
  type SimResponse,
} from './http';
import { kubernetesStatus } from './kubernetes/status';
import { registryStatusError } from './registry/errors';

/** Which part of the simulator a path belongs to. */
export function areaOf(path: string): Area | undefined {
  if (/^\/subscriptions(\/|$)/i.test(path)) return 'arm';
  if (path.startsWith('/clusters/')) return 'kubernetes';
  if (/^\/v2(\/|$)/.test(path) || path.startsWith('/oauth2/')) {
    return 'registry';
  }
  if (path.startsWith('/_simulator/')) return 'control';
  return undefined;
}

function areaError(area: Area | undefined, status: 404 | 405): SimResponse {
  const message =
    status === 404
      ? 'the aks-simulator does not serve this path'
      : 'the aks-simulator does not serve this method here';
  switch (area) {
    case 'arm':
      return armStatusError(status, message);
    case 'kubernetes':
      return kubernetesStatus(status, message);
    case 'registry':
      return registryStatusError(status, message);
    default:
      return json(status, { error: { message } });
  }
}

/** Latency timers and hung responses, so that stop() can end them. */
export class PendingWork {
  readonly timers = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
  readonly hung = new Set<ServerResponse>();

  delay(ms: number): Promise<void> {
    return new Promise(resolve => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        done: resolve,
      };
      this.timers.add(entry);
    });
  }

  /** Stops waiting: timers end now, hung responses lose their sockets. */
  end(): void {
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.done();
    }
    this.timers.clear();
    for (const response of this.hung) response.socket?.destroy();
    this.hung.clear();
  }
}

export interface HandlerDeps {
  router: Router;
  faults: FaultRegistry;
  pending: PendingWork;
  baseUrl: () => string;
  count: (kind: string) => void;
  isStopping: () => boolean;
  log?: (line: string) => void;
}

/**
 * The request handler: route, count, apply the target's fault (before any
 * authentication, as a load balancer or throttling layer would), then answer.
 */
export function createHandler(deps: HandlerDeps) {
  return async (incoming: IncomingMessage, response: ServerResponse) => {
    const method = incoming.method ?? 'GET';
    let status = 0;
    let kind = 'unknown';
    try {
      const url = new URL(incoming.url ?? '/', deps.baseUrl());
      const path = url.pathname;
      const area = areaOf(path);
      const body = await readBody(incoming);
      const request: SimRequest = {
        method,
        path,
        query: url.searchParams,
        headers: incoming.headers,
        body,
        baseUrl: deps.baseUrl(),
      };
      const match = deps.router.match(method, path);
      kind =
        match && 'route' in match
          ? kindOf(match)
          : `${area ?? 'other'}.unknown`;

      if (area === 'control') {
        let answer: SimResponse;
        if (!isLoopback(incoming.socket.remoteAddress)) {
          answer = json(403, { error: { message: 'loopback clients only' } });
        } else if (match && 'route' in match) {
          answer = await match.route.handle(request, match.params);
        } else answer = areaError(area, match ? 405 : 404);
        status = answer.status;
        send(response, method, answer);
        return;
      }

      deps.count(kind);
      if (area !== undefined) {
        const cluster = /^\/clusters\/([^/]+)/.exec(path)?.[1];
        const fault = deps.faults.take(
          area as FaultArea,
          cluster === undefined ? undefined : decodeURIComponent(cluster),
        );
        if (fault) {
          const outcome = faultOutcome(area as FaultArea, fault);
          if (outcome.kind === 'hang') {
            deps.pending.hung.add(response);
            response.on('close', () => deps.pending.hung.delete(response));
            status = -1;
            return;
          }
          if (outcome.latencyMs > 0)
            await deps.pending.delay(outcome.latencyMs);
          if (deps.isStopping()) return;
          if (outcome.kind === 'respond') {
            status = outcome.response.status;
            send(response, method, outcome.response);
            return;
          }
        }
      }

      let answer: SimResponse;
      if (!match) answer = areaError(area, 404);
      else if ('route' in match) {
        answer = await match.route.handle(request, match.params);
      } else answer = areaError(area, 405);
      status = answer.status;
      send(response, method, answer);
    } catch (error) {
      status = 500;
      send(
        response,
        method,
        json(500, { error: { message: `aks-simulator: ${String(error)}` } }),
      );
    } finally {
      deps.log?.(
        `${method} ${incoming.url} -> ${
          status < 0 ? 'hang' : status
        } (${kind})`,
      );
    }
  };
}
