/**
 * The backend replicas of `yarn bench:scale`: each a process of its own
 * (the backend's replica test utility: the real `createBackend()` with the
 * windows-readiness plugin and a catalog of the fleet's Components), all on
 * one PostgreSQL database prefix, collecting from the simulator. Each
 * replica's log goes to a file; the clusters it says it collected are kept
 * with the log line's timestamp. Every replica is killed when this process
 * exits, and each exits by itself when this process goes (IPC closed).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '@backstage/types';
import {
  startReplica,
  type Replica,
} from '../../plugins/windows-readiness-backend/src/__testUtils__/replicas';
import { freePort } from '../api/http';
import type { SimulatorReady } from './simulatorChild';

export interface RunningReplica {
  name: string;
  pid: number;
  baseUrl: string;
  /** The clusters it logged as collected, with the log line's time (ms). */
  collected: Array<{ cluster: string; at: number }>;
  replica: Replica;
}

const started = new Set<Replica>();
process.once('exit', () => {
  for (const replica of started) {
    if (!replica.exited) replica.kill('SIGKILL');
  }
});

const COLLECTED = /Windows readiness collected ([^\s"]+)/;

/** When a JSON log line was written (its `timestamp`), else now. */
function lineTime(line: string): number {
  try {
    const at = Date.parse(JSON.parse(line).timestamp);
    return Number.isFinite(at) ? at : Date.now();
  } catch {
    return Date.now();
  }
}

export interface ReplicaOptions {
  count: number;
  dir: string;
  /** Database prefix of this phase: a fresh database, dropped afterwards. */
  prefix: string;
  postgresUrl: string;
  /** A static token the bench calls the API with (`backend.auth.externalAccess`). */
  token: string;
  sim: SimulatorReady;
  entitiesFile: string;
  shards: number;
  shardsPerInstance: number;
  concurrency?: number;
  cycleTimeoutS: number;
  startupTimeoutS: number;
  heapMb: number;
  /**
   * Start the replicas all at once rather than one after the other. Their
   * schedulers then poll the tasks in step, which decides who takes the
   * shards (see bench/README.md).
   */
  together: boolean;
  /** Prefix of the log and config files (one per phase). */
  tag: string;
  /**
   * A module each replica loads first (NODE_OPTIONS --require): to measure
   * a change to the plugin without editing it. Plain JavaScript, or a module
   * that registers the TypeScript transform itself.
   */
  require?: string;
}

async function startOne(
  name: string,
  options: ReplicaOptions,
): Promise<RunningReplica> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config: JsonObject = {
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: {
        client: 'pg',
        connection: options.postgresUrl,
        prefix: options.prefix,
      },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: options.token, subject: 'bench-scale' },
          },
        ],
      },
    },
    windowsReadiness: {
      ...(options.sim.appConfig.windowsReadiness as unknown as JsonObject),
      // The bench starts the cycle itself (POST /v1/refresh) once every
      // replica is up: no start-up run racing the replicas' start.
      schedule: {
        frequency: { trigger: 'manual' },
        timeout: { seconds: options.cycleTimeoutS },
      },
      shards: options.shards,
      shardsPerInstance: options.shardsPerInstance,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    },
  };
  const log = createWriteStream(
    join(options.dir, `${options.tag}replica-${name}.log`),
    { flags: 'a' },
  );
  const collected: RunningReplica['collected'] = [];
  // The utility forks with this process's environment, synchronously.
  const nodeOptions = process.env.NODE_OPTIONS;
  if (options.require) {
    process.env.NODE_OPTIONS = `${nodeOptions ?? ''} --require ${
      options.require
    }`;
  }
  const starting = startReplica({
    name: `${options.tag}${name}`,
    dir: options.dir,
    config,
    entitiesFile: options.entitiesFile,
    heapMb: options.heapMb,
    onLine: line => {
      log.write(`${line}\n`);
      const match = COLLECTED.exec(line);
      if (match) collected.push({ cluster: match[1], at: lineTime(line) });
    },
  });
  if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = nodeOptions;
  const replica = await starting;
  // The utility keeps every line too; the log file has them.
  replica.lines.length = 0;
  started.add(replica);
  return { name, pid: replica.pid, baseUrl, collected, replica };
}

/** Starts `count` replicas at once (A, B, C…) and resolves when every one is up. */
export async function startReplicas(
  options: ReplicaOptions,
): Promise<RunningReplica[]> {
  const names = Array.from({ length: options.count }, (_, i) =>
    String.fromCharCode(65 + i),
  );
  // A replica that never comes up stops by itself when this process exits.
  const timeout = (name: string) =>
    new Promise<never>((_, reject) =>
      setTimeout(
        () =>
          reject(
            new Error(
              `replica ${name} not up within ${options.startupTimeoutS} s; see ${options.tag}replica-${name}.log`,
            ),
          ),
        options.startupTimeoutS * 1000,
      ).unref(),
    );
  const start = (name: string) =>
    Promise.race([startOne(name, options), timeout(name)]);
  const results: PromiseSettledResult<RunningReplica>[] = [];
  if (options.together) {
    results.push(...(await Promise.allSettled(names.map(start))));
  } else {
    // One after the other, as a rolling deployment brings them up.
    for (const name of names) {
      results.push(...(await Promise.allSettled([start(name)])));
      if (results[results.length - 1].status === 'rejected') break;
    }
  }
  const up = results.flatMap(r => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find(r => r.status === 'rejected');
  if (failed) {
    await stopReplicas(up);
    throw (failed as PromiseRejectedResult).reason;
  }
  return up;
}

/** SIGTERM (the backend stops), then SIGKILL after `graceMs`. */
export async function stopReplicas(
  replicas: RunningReplica[],
  graceMs = 10_000,
): Promise<void> {
  for (const { replica } of replicas) {
    if (!replica.exited) replica.kill('SIGTERM');
  }
  const deadline = Date.now() + graceMs;
  while (replicas.some(r => !r.replica.exited) && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  for (const { replica } of replicas) {
    if (!replica.exited) replica.kill('SIGKILL');
    started.delete(replica);
  }
}

/** A process's peak and current resident memory (VmHWM, VmRSS), MB. */
export function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return { peakMb: NaN, rssMb: NaN };
  }
}
