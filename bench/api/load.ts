/**
 * One load run with autocannon: a fixed number of connections for a fixed
 * time (both bounded), over a rotating list of requests. Latencies are
 * taken from autocannon's `response` events (sub-millisecond, 2xx only, as
 * autocannon's own histogram counts them), so that p50 and p99 of fast
 * endpoints are not rounded to whole milliseconds.
 */
import autocannon from 'autocannon';
import { processCpuSeconds } from './children';
import type { LoopDelay } from './probe';
import { latencySummary } from '../shared/stats';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface LoadResult {
  name: string;
  connections: number;
  /** Requests a second the load tool was held to (open loop), if any. */
  rate?: number;
  /** Requests sent in all, when the run was a fixed number of them rather than a duration. */
  amount?: number;
  durationS: number;
  /** 2xx responses. */
  ok: number;
  non2xx: number;
  /** Socket errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** Requests sent (paced runs). */
  sent?: number;
  /** Requests sent but unanswered when the run stopped (slow ones are not in the latencies). */
  inFlightAtStop: number;
  /** Seconds the backend (and simulator) then took to finish them and go idle. */
  drainS: number;
  requestsPerSecond: number;
  latencyMs: {
    p50: number;
    p90: number;
    p99: number;
    mean: number;
    max: number;
    min: number;
  };
  /** CPU seconds the backend and the simulator spent during the run. */
  cpuSeconds: { backend: number; simulator: number };
  /** Status codes other than 2xx, by code. */
  statusCodes: Record<string, number>;
  /** Request errors by code or message. */
  errorKinds: Record<string, number>;
  meanResponseBytes: number;
  /** The backend's event-loop delay during the run (from the backend itself). */
  eventLoopDelay?: LoopDelay;
}

const MAX_SAMPLES = 2_000_000;

export async function runLoad(options: {
  name: string;
  baseUrl: string;
  token: string;
  requests: LoadRequest[];
  connections: number;
  durationS: number;
  /** Per request, seconds. */
  timeoutS: number;
  /**
   * autocannon's own rate limit: each second's quota goes out in a burst at
   * the top of the second. run.ts uses ./paced.ts for steady traffic instead.
   */
  overallRate?: number;
  /**
   * Send this many requests in all, then stop (the duration is ignored):
   * with distinct requests, each is asked exactly once.
   */
  amount?: number;
  pids: { backend?: number; simulator?: number };
}): Promise<LoadResult> {
  const { requests } = options;
  if (requests.length === 0) throw new Error(`${options.name}: no requests`);
  // autocannon refuses more connections than requests.
  const connections = options.amount
    ? Math.min(options.connections, options.amount)
    : options.connections;
  let next = 0;
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  const errorKinds: Record<string, number> = {};
  let bytes = 0;
  let ok = 0;
  let non2xx = 0;

  const cpuBefore = {
    backend: processCpuSeconds(options.pids.backend),
    simulator: processCpuSeconds(options.pids.simulator),
  };
  const onResponse = (
    _client: unknown,
    statusCode: number,
    resBytes: number,
    ms: number,
  ) => {
    if (statusCode >= 200 && statusCode < 300) {
      ok++;
      bytes += resBytes;
      if (samples.length < MAX_SAMPLES) samples.push(ms);
    } else {
      non2xx++;
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    }
  };
  const cannonOptions: autocannon.Options = {
    url: options.baseUrl,
    connections,
    duration: options.durationS,
    timeout: options.timeoutS,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    ...(options.amount ? { amount: options.amount } : {}),
    pipelining: 1,
    headers: {
      authorization: `Bearer ${options.token}`,
      accept: 'application/json',
    },
    requests: [
      {
        setupRequest: (request: any) => {
          const chosen = requests[next++ % requests.length];
          return {
            ...request,
            method: chosen.method,
            path: chosen.path,
            ...(chosen.body === undefined
              ? {}
              : {
                  body: chosen.body,
                  headers: {
                    ...request.headers,
                    'content-type': 'application/json',
                  },
                }),
          };
        },
      },
    ],
  } as autocannon.Options;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(cannonOptions, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', onResponse);
    instance.on('reqError', (error: any) => {
      const kind = String(error?.code ?? error?.message ?? error);
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    });
  });
  const cpuSeconds = {
    backend: processCpuSeconds(options.pids.backend) - cpuBefore.backend,
    simulator: processCpuSeconds(options.pids.simulator) - cpuBefore.simulator,
  };

  samples.sort((a, b) => a - b);
  const durationS = result.duration || options.durationS;
  const sent = (result.requests as any).sent ?? ok + non2xx;
  return {
    name: options.name,
    connections,
    ...(options.overallRate ? { rate: options.overallRate } : {}),
    ...(options.amount ? { amount: options.amount } : {}),
    durationS,
    ok,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    inFlightAtStop: Math.max(0, sent - ok - non2xx - result.errors),
    drainS: 0,
    requestsPerSecond: ok / durationS,
    latencyMs: latencySummary(samples),
    cpuSeconds,
    statusCodes,
    errorKinds,
    meanResponseBytes: ok ? bytes / ok : 0,
  };
}
