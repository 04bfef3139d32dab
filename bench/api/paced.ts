/**
 * An open-loop run: requests sent at a steady rate (one every 1/rate
 * seconds) over at most `connections` keep-alive sockets, whatever the
 * answers take. autocannon's own rate limit sends each second's quota in a
 * burst at the top of the second, which measures how fast a burst drains;
 * this measures the latency a steady traffic sees. Latency counts from the
 * moment a request was due, so waiting for a free socket is included (no
 * coordinated omission).
 */
import http from 'node:http';
import { processCpuSeconds } from './children';
import { latencySummary } from '../shared/stats';
import type { LoadRequest, LoadResult } from './load';

export async function runPaced(options: {
  name: string;
  baseUrl: string;
  token: string;
  requests: LoadRequest[];
  connections: number;
  durationS: number;
  timeoutS: number;
  rate: number;
  pids: { backend?: number; simulator?: number };
}): Promise<LoadResult> {
  const { requests, rate } = options;
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.connections,
  });
  const url = new URL(options.baseUrl);
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  const errorKinds: Record<string, number> = {};
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let bytes = 0;
  let sent = 0;
  let open = 0;

  const send = (chosen: LoadRequest, due: number) => {
    sent++;
    open++;
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: chosen.method,
        path: chosen.path,
        agent,
        timeout: options.timeoutS * 1000,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(chosen.body === undefined
            ? {}
            : { 'content-type': 'application/json' }),
        },
      },
      res => {
        let size = 0;
        res.on('data', chunk => (size += chunk.length));
        res.on('end', () => {
          open--;
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            ok++;
            bytes += size;
            samples.push(performance.now() - due);
          } else {
            non2xx++;
            statusCodes[status] = (statusCodes[status] ?? 0) + 1;
          }
        });
      },
    );
    req.on('timeout', () => {
      timeouts++;
      req.destroy(new Error('timeout'));
    });
    req.on('error', (error: any) => {
      open--;
      errors++;
      const kind = String(error?.code ?? error?.message ?? error);
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    });
    req.end(chosen.body);
  };

  const cpuBefore = {
    backend: processCpuSeconds(options.pids.backend),
    simulator: processCpuSeconds(options.pids.simulator),
  };
  const start = performance.now();
  const total = Math.round(rate * options.durationS);
  const intervalMs = 1000 / rate;
  // Catch up on timer lateness: send every request whose time has come.
  await new Promise<void>(resolve => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * intervalMs <= now) {
        send(requests[next % requests.length], start + next * intervalMs);
        next++;
      }
      if (next >= total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, Math.max(1, Math.floor(intervalMs / 2)));
  });
  const durationS = (performance.now() - start) / 1000;
  // Let the last requests finish (bounded by the request timeout).
  const deadline = performance.now() + options.timeoutS * 1000;
  while (open > 0 && performance.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  const cpuSeconds = {
    backend: processCpuSeconds(options.pids.backend) - cpuBefore.backend,
    simulator: processCpuSeconds(options.pids.simulator) - cpuBefore.simulator,
  };
  const inFlightAtStop = open;
  agent.destroy();

  samples.sort((a, b) => a - b);
  return {
    name: options.name,
    connections: options.connections,
    rate,
    durationS,
    ok,
    non2xx,
    errors,
    timeouts,
    inFlightAtStop,
    drainS: 0,
    requestsPerSecond: ok / durationS,
    sent,
    latencyMs: latencySummary(samples),
    cpuSeconds,
    statusCodes,
    errorKinds,
    meanResponseBytes: ok ? bytes / ok : 0,
  };
}
