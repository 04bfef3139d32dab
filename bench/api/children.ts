/**
 * The child processes of `yarn bench:api` (the AKS simulator and the Backstage
 * backend): forked with an IPC channel, killed on exit, on error and on
 * SIGINT/SIGTERM. Each child also exits by itself when the channel closes,
 * so a parent killed with SIGKILL leaves nothing behind.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { progress } from '../evaluate/progress';

const running = new Set<ChildProcess>();

/** Sends SIGTERM to every child still running, then SIGKILL after `graceMs`. */
export async function stopAll(graceMs = 5000): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      child =>
        new Promise<void>(resolve => {
          if (child.exitCode !== null || child.signalCode !== null) {
            running.delete(child);
            resolve();
            return;
          }
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
          }, graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            running.delete(child);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Last resort on process exit: synchronous, so SIGKILL whatever is left. */
function killRemaining() {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
}

let installed = false;
function installExitHandlers() {
  if (installed) return;
  installed = true;
  process.once('exit', killRemaining);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping the child processes`);
      stopAll(2000).finally(() => process.exit(130));
    });
  }
}

export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the first IPC message that `accept` returns a value for; rejects on exit or timeout. */
  waitForMessage<T>(
    accept: (message: any) => T | undefined,
    timeoutMs: number,
  ): Promise<T>;
  /** user + system CPU seconds of the child so far (Linux /proc), or NaN. */
  cpuSeconds(): number;
  /** Where the child's stdout and stderr go. */
  logFile: string;
  send(message: object): void;
}

/**
 * Forks a TypeScript module with Backstage's node transform, its output to
 * `logFile` (so that our stdout holds only the report).
 */
export function forkChild(options: {
  name: string;
  module: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  heapMb?: number;
  /** Modules to load first (`-r`), after the TypeScript transform. */
  preload?: string[];
  logFile: string;
}): Child {
  installExitHandlers();
  const log = openSync(options.logFile, 'a');
  const child = fork(options.module, options.args ?? [], {
    execArgv: [
      '-r',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      ...(options.preload ?? []).flatMap(module => ['-r', module]),
      ...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []),
    ],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  running.add(child);
  child.once('exit', () => running.delete(child));

  const waitForMessage = <T>(
    accept: (message: any) => T | undefined,
    timeoutMs: number,
  ) =>
    new Promise<T>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (message: any) => {
        if (message?.type === 'error') {
          cleanup();
          reject(new Error(`${options.name}: ${message.message}`));
          return;
        }
        const value = accept(message);
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        reject(
          new Error(
            `${options.name} exited (${signal ?? code}); see ${
              options.logFile
            }`,
          ),
        );
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `${options.name}: no answer within ${Math.round(
              timeoutMs / 1000,
            )} s; see ${options.logFile}`,
          ),
        );
      }, timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
    });

  return {
    name: options.name,
    process: child,
    waitForMessage,
    cpuSeconds: () => processCpuSeconds(child.pid),
    logFile: options.logFile,
    send: message => {
      child.send(message);
    },
  };
}

const CLOCK_TICKS = 100;

/** user + system CPU seconds of a process, from /proc/<pid>/stat (NaN elsewhere). */
export function processCpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: the fields start after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/**
 * Waits until a process has been (nearly) idle for two samples in a row:
 * a load run that stops leaves requests the server still works through,
 * and the next run must not queue behind them. Bounded by `maxMs`; returns
 * the seconds waited.
 */
export async function waitForIdle(
  pid: number | undefined,
  options: { maxMs: number; sampleMs?: number; busyShare?: number },
): Promise<number> {
  const sampleMs = options.sampleMs ?? 500;
  const busyShare = options.busyShare ?? 0.1;
  const start = Date.now();
  let previous = processCpuSeconds(pid);
  if (!Number.isFinite(previous)) return 0;
  let quiet = 0;
  const maxSamples = Math.ceil(options.maxMs / sampleMs);
  for (let i = 0; i < maxSamples && quiet < 2; i++) {
    await new Promise(resolve => setTimeout(resolve, sampleMs));
    const now = processCpuSeconds(pid);
    quiet = now - previous <= (busyShare * sampleMs) / 1000 ? quiet + 1 : 0;
    previous = now;
  }
  return (Date.now() - start) / 1000;
}
