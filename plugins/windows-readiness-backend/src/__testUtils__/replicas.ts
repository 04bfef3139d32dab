import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JsonObject } from '@backstage/types';

const REPO = resolve(__dirname, '../../../..');
const TRANSFORM = join(
  REPO,
  'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
);

/**
 * The environment without Debian's faketime: the scheduler stores due times
 * from the replica's clock and compares them with PostgreSQL's `now()`, which
 * faketime does not move, so a replica with a clock a year behind would find
 * every task always due. A real deployment's replicas and database share one
 * clock; the test process keeps its own (it stamps `collected.at` itself).
 */
function withTheDatabasesClock(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = Object.fromEntries(
    Object.entries(env).filter(([key]) => !key.startsWith('FAKETIME')),
  );
  const preload = (env.LD_PRELOAD ?? '')
    .split(/[:\s]+/)
    .filter(lib => lib && !lib.includes('libfaketime'))
    .join(':');
  return { ...rest, LD_PRELOAD: preload || undefined };
}

/** A replica process (replica.ts) and what it wrote. */
export interface Replica {
  name: string;
  pid: number;
  /** Every line it wrote to stdout and stderr. */
  lines: string[];
  /** The clusters it logged as collected, in order, with when. */
  collected: Array<{ cluster: string; at: number }>;
  exited: boolean;
  kill(signal?: NodeJS.Signals): void;
}

/**
 * Starts a replica with `config` (written next to `dir`'s other files) and
 * resolves once its backend is up. `heapMb` bounds its heap.
 */
export function startReplica(options: {
  name: string;
  dir: string;
  config: JsonObject;
  entitiesFile: string;
  heapMb?: number;
  onLine?: (line: string) => void;
}): Promise<Replica> {
  const configFile = join(options.dir, `app-config.${options.name}.json`);
  writeFileSync(configFile, JSON.stringify(options.config));
  const child: ChildProcess = fork(
    join(__dirname, 'replica.ts'),
    ['--config', configFile],
    {
      cwd: REPO,
      execArgv: [
        '-r',
        TRANSFORM,
        ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []),
      ],
      env: {
        ...withTheDatabasesClock(process.env),
        NODE_ENV: 'production',
        WINREADY_REPLICA_ENTITIES: options.entitiesFile,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const replica: Replica = {
    name: options.name,
    pid: child.pid!,
    lines: [],
    collected: [],
    exited: false,
    kill: signal => child.kill(signal ?? 'SIGTERM'),
  };
  const onData = (data: Buffer) => {
    for (const line of String(data).split('\n').filter(Boolean)) {
      replica.lines.push(line);
      options.onLine?.(line);
      const match = /Windows readiness collected ([^\s"]+)/.exec(line);
      if (match) replica.collected.push({ cluster: match[1], at: Date.now() });
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return new Promise((resolvePromise, reject) => {
    child.once('exit', code => {
      replica.exited = true;
      reject(
        new Error(
          `replica ${options.name} exited (${code}):\n${replica.lines
            .slice(-20)
            .join('\n')}`,
        ),
      );
    });
    child.on('message', (message: any) => {
      if (message?.type === 'started') resolvePromise(replica);
      if (message?.type === 'error') reject(new Error(message.message));
    });
  });
}
