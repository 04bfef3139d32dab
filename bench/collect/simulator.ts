/**
 * The AKS simulator in its own process: the package's bin
 * (`aks-simulator FILE --port 0 --ca-file F --write-config F`), so that the
 * measuring process only collects. Without `--quiet` the simulator logs one
 * line a request on stderr (`GET /path?query -> 200 (kind)`); those lines tell
 * exactly which requests the collector made, for the floor to fetch again.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { progress } from '../evaluate/progress';
import { stopChild, track } from './processes';

const BIN = resolve(
  __dirname,
  '../../packages/aks-simulator/bin/aks-simulator',
);

/** One request as the simulator logged it. */
export interface LoggedRequest {
  method: string;
  /** Path and query, as the client sent them. */
  url: string;
  status: number;
  /** The simulator's request kind, e.g. `kubernetes.pods.list`. */
  kind: string;
}

export interface SimulatorProcess {
  pid: number;
  url: string;
  kubernetesToken: string;
  caFile: string;
  configFile: string;
  /** From spawn to listening: mostly the bin's parse of the fleet file. */
  startupMs: number;
  /** Every request logged so far, in order (control requests excluded). */
  requests: LoggedRequest[];
  /** `GET /_simulator/requests`: counts by kind (control requests are not counted). */
  requestCounts(): Promise<Record<string, number>>;
  /** The simulator process's peak RSS (Linux /proc VmHWM), if readable. */
  peakRssMb(): number | undefined;
  /** CPU time the simulator process has used so far (Linux /proc), if readable. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

const REQUEST_LINE = /^\[aks-simulator\] (\S+) (\S+) -> (\S+) \((.*)\)$/;

export async function startSimulatorProcess(options: {
  fleetFile: string;
  dir: string;
  heapMb: number;
  startupTimeoutS: number;
}): Promise<SimulatorProcess> {
  const caFile = join(options.dir, 'simulator-ca.pem');
  const configFile = join(options.dir, 'app-config.simulator.yaml');
  const started = performance.now();
  const child = track(
    spawn(
      process.execPath,
      [
        BIN,
        options.fleetFile,
        '--port',
        '0',
        '--ca-file',
        caFile,
        '--write-config',
        configFile,
      ],
      {
        env: {
          ...process.env,
          NODE_OPTIONS: `${
            process.env.NODE_OPTIONS ?? ''
          } --max-old-space-size=${options.heapMb}`.trim(),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    ),
  );
  const requests: LoggedRequest[] = [];
  const otherLines: string[] = [];
  let url: string | undefined;
  let token: string | undefined;
  let ready = false;
  let onReady: () => void = () => {};
  let pending = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const logged = REQUEST_LINE.exec(line);
      if (logged) {
        const [, method, path, status, kind] = logged;
        if (!path.startsWith('/_simulator/')) {
          requests.push({ method, url: path, status: Number(status), kind });
        }
        continue;
      }
      otherLines.push(line);
      if (otherLines.length > 200) otherLines.shift();
      url ??= /aks-simulator listening on (\S+)/.exec(line)?.[1];
      token ??= /kubernetes token:\s+(\S+)/.exec(line)?.[1];
      // The last line it prints once listening (the files are written before).
      if (!ready && /CA certificate:/.test(line)) {
        ready = true;
        onReady();
      }
    }
  });

  const stop = () => stopChild(child);
  try {
    await new Promise<void>((resolveReady, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `the simulator did not listen within ${options.startupTimeoutS} s`,
            ),
          ),
        options.startupTimeoutS * 1000,
      );
      const ticker = setInterval(
        () =>
          progress(
            `simulator loading the fleet file: ${(
              (performance.now() - started) /
              1000
            ).toFixed(0)} s`,
          ),
        15_000,
      );
      const done = (error?: Error) => {
        clearTimeout(timer);
        clearInterval(ticker);
        if (error) reject(error);
        else resolveReady();
      };
      onReady = () => done();
      child.once('error', done);
      child.once('exit', (code, signal) =>
        done(
          new Error(
            `the simulator exited (${signal ?? code}) before listening${
              otherLines.some(line => /heap out of memory/.test(line))
                ? ' (out of memory: raise --simulator-heap-mb)'
                : ''
            }:\n${otherLines.slice(-15).join('\n')}`,
          ),
        ),
      );
    });
  } catch (error) {
    await stop();
    throw error;
  }
  if (!url || !token) {
    await stop();
    throw new Error(
      `could not read the simulator's URL and token from:\n${otherLines.join(
        '\n',
      )}`,
    );
  }
  const startupMs = performance.now() - started;
  const agent = new Agent({ connect: { ca: readFileSync(caFile, 'utf8') } });
  const baseUrl = url;

  return {
    pid: child.pid!,
    url: baseUrl,
    kubernetesToken: token,
    caFile,
    configFile,
    startupMs,
    requests,
    requestCounts: async () => {
      const res = await request(`${baseUrl}/_simulator/requests`, {
        dispatcher: agent,
      });
      if (res.statusCode !== 200) {
        throw new Error(`/_simulator/requests answered ${res.statusCode}`);
      }
      return (await res.body.json()) as Record<string, number>;
    },
    peakRssMb: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
        return kb ? Number(kb) / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    cpuMs: () => {
      try {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        // After "pid (comm) ": state is field 3; utime and stime are 14 and 15,
        // in clock ticks (USER_HZ, 100 on Linux).
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return undefined;
      }
    },
    stop: async () => {
      await agent.close();
      await stop();
    },
  };
}
