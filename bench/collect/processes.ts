/**
 * The child processes of a run (the simulator, the measuring child, the floor
 * child): every one is tracked and killed when the benchmark ends, however
 * it ends (an error, Ctrl-C, SIGTERM), so that no simulator is left running.
 */
import { fork, type ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();
/** Synchronous clean-ups (temp directories) that must run however the run ends. */
const cleanups = new Set<() => void>();

export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function killAll() {
  for (const child of running) child.kill('SIGKILL');
  for (const cleanup of cleanups) cleanup();
  cleanups.clear();
}

/** Runs `cleanup` when the process exits or is stopped; call the returned function to run it now. */
export function onCleanup(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup)) cleanup();
  };
}

/** Kills the tracked children (and runs the clean-ups) when this process exits or is told to stop. */
export function installCleanup(): void {
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`[bench] ${signal}: stopping the child processes\n`);
      killAll();
      process.exit(130);
    });
  }
}

/** Waits for a child to exit; SIGTERM first, SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 10_000) {
  return new Promise<void>(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Runs this script again in a fresh process with `argv` and resolves with
 * the one message it sends over IPC (as ../evaluate.ts does).
 */
export function runChild<T>(
  script: string,
  argv: string[],
  execArgv: string[] = process.execArgv,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = track(
      fork(script, argv, {
        execArgv,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    let received: { value: T } | undefined;
    child.on('message', message => {
      received = { value: message as T };
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      received
        ? resolve(received.value)
        : reject(
            new Error(
              `child process ${argv.join(' ')} exited with ${
                signal ?? code
              } and no result`,
            ),
          ),
    );
  });
}

/** In a child: sends the result to the parent, or prints it when run by hand; then exits. */
export async function sendResult(result: unknown): Promise<void> {
  const send = process.send?.bind(process);
  if (send) {
    await new Promise<void>(resolve => send(result, () => resolve()));
  } else {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
  // Keep-alive sockets of the clients would hold the process open.
  process.exit(0);
}
