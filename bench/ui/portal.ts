/**
 * The portal of `yarn bench:ui`: `yarn start` (`backstage-cli repo start`,
 * the frontend dev server and the backend) from the repository root with the
 * repository's app-config.yaml and the bench's extra config file, in a
 * process group of its own. The whole group is stopped at the end, on error,
 * on SIGINT/SIGTERM/SIGHUP, and (SIGKILL) when this process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { progress } from '../evaluate/progress';
import { guestToken, request, sleep, waitFor } from './http';

/** A port nothing listens on: `preferred` if given (checked), else one the OS picks. */
export function freePort(preferred: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', error =>
      reject(
        new Error(
          `port ${preferred} is taken (${
            (error as any).code ?? error
          }); pick another`,
        ),
      ),
    );
    // Bound on every interface, as a dev server on `localhost` could be.
    server.listen({ port: preferred, host: '::', ipv6Only: false }, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** True when something accepts connections on 127.0.0.1:port. */
async function listening(port: number): Promise<boolean> {
  try {
    await freePort(port);
    return false;
  } catch {
    return true;
  }
}

export interface Portal {
  pid: number;
  logFile: string;
  /** Throws if the portal's process has exited. */
  alive(): void;
  /** The last lines of its log. */
  tail(lines?: number): string;
  /** How many times the backend was restarted by the CLI's file watcher. */
  backendRestarts(): number;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves when the ports are free. */
  stop(graceMs?: number): Promise<void>;
}

let current: { child: ChildProcess; pgid: number } | undefined;

function killGroup(signal: NodeJS.Signals) {
  if (!current) return;
  try {
    process.kill(-current.pgid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

let handlersInstalled = false;
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('exit', () => killGroup('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping the portal`);
      killGroup('SIGTERM');
      setTimeout(() => {
        killGroup('SIGKILL');
        process.exit(130);
      }, 3000).unref();
    });
  }
}

export function startPortal(options: {
  repoRoot: string;
  configFiles: string[];
  heapMb: number;
  logFile: string;
  verbose: boolean;
  ports: number[];
  /** `yarn start` arguments before the config flags (e.g. `backend` for the backend alone). */
  packages?: string[];
}): Portal {
  installExitHandlers();
  const log = openSync(options.logFile, 'a');
  const args = [
    'start',
    ...(options.packages ?? []),
    ...options.configFiles.flatMap(file => ['--config', file]),
  ];
  progress(`starting the portal: yarn ${args.join(' ')}`);
  const child = spawn('yarn', args, {
    cwd: options.repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      BROWSER: 'none',
      FORCE_COLOR: '0',
      NODE_OPTIONS: [
        process.env.NODE_OPTIONS,
        `--max-old-space-size=${options.heapMb}`,
      ]
        .filter(Boolean)
        .join(' '),
    },
  });
  const pgid = child.pid!;
  current = { child, pgid };
  let restarts = 0;
  let recent: string[] = [];
  const onData = (data: Buffer) => {
    const text = String(data);
    try {
      writeSync(log, text);
    } catch {
      // the log is best effort
    }
    if (options.verbose) process.stderr.write(text);
    for (const line of text.split('\n')) {
      if (/Change detected, restarting|Restarting backend/i.test(line)) {
        restarts++;
      }
    }
    recent = [...recent, ...text.split('\n')].slice(-200);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `${signal ?? code}`;
  });
  return {
    pid: pgid,
    logFile: options.logFile,
    alive() {
      if (exited !== undefined) {
        throw new Error(
          `the portal exited (${exited}); last lines of ${
            options.logFile
          }:\n${recent.slice(-30).join('\n')}`,
        );
      }
    },
    tail: (lines = 30) => recent.slice(-lines).join('\n'),
    backendRestarts: () => restarts,
    async stop(graceMs = 15_000) {
      killGroup('SIGTERM');
      const deadline = Date.now() + graceMs;
      while (groupAlive(pgid) && Date.now() < deadline) await sleep(250);
      if (groupAlive(pgid)) {
        progress('the portal did not stop on SIGTERM; SIGKILL');
        killGroup('SIGKILL');
        const killDeadline = Date.now() + 5000;
        while (groupAlive(pgid) && Date.now() < killDeadline) await sleep(100);
      }
      current = undefined;
      try {
        closeSync(log);
      } catch {
        // closed
      }
      for (const port of options.ports) {
        if (await listening(port)) {
          progress(`warning: port ${port} still answers after the stop`);
        }
      }
    },
  };
}

/** Waits until the backend signs in a guest and the dev server serves the app; returns the token. */
export async function waitForPortal(
  portal: Portal,
  /** `app`: the dev server, if started. */
  urls: { app?: string; backend: string },
  timeoutMs: number,
): Promise<{ token: string; backendS: number; appS: number }> {
  const started = Date.now();
  const token = await waitFor(
    `the backend on ${urls.backend}`,
    async () => guestToken(urls.backend),
    {
      timeoutMs,
      intervalMs: 1000,
      alive: portal.alive,
      onWait: s => progress(`backend: not answering after ${s} s`),
    },
  );
  const backendS = (Date.now() - started) / 1000;
  progress(`backend answers after ${backendS.toFixed(0)} s`);
  const app = urls.app;
  if (!app) return { token, backendS, appS: backendS };
  await waitFor(
    `the app on ${app}`,
    async () => {
      const answer = await request(app, { timeoutMs: 60_000 });
      return answer.status === 200 && answer.text.includes('<html')
        ? true
        : undefined;
    },
    {
      timeoutMs: Math.max(timeoutMs - (Date.now() - started), 1000),
      intervalMs: 1000,
      alive: portal.alive,
      onWait: s => progress(`app: not served after ${s} s`),
    },
  );
  const appS = (Date.now() - started) / 1000;
  progress(`app served after ${appS.toFixed(0)} s`);
  return { token, backendS, appS };
}

export interface DataReady {
  catalogS: number;
  reportS: number;
  refreshesTriggered: number;
  lastRefresh: any;
  /** The report as Node fetched it (not the browser). */
  report: {
    total: number;
    bytes: number;
    blocked: number;
    byStatus: Record<string, number>;
  };
}

const WR = '/api/windows-readiness';

async function componentCount(backend: string, token: string): Promise<number> {
  const answer = await request(
    `${backend}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
    { token, timeoutMs: 30_000 },
  );
  if (answer.status !== 200) throw new Error(`catalog: ${answer.status}`);
  return JSON.parse(answer.text).totalItems ?? 0;
}

async function status(backend: string, token: string): Promise<any> {
  const answer = await request(`${backend}${WR}/v1/status`, {
    token,
    timeoutMs: 30_000,
  });
  if (answer.status !== 200) throw new Error(`status: ${answer.status}`);
  return JSON.parse(answer.text);
}

/**
 * Waits until the catalog holds every Component, then until a refresh has
 * landed whose report has every service with its owner and system (the
 * scheduled first refresh may run before the catalog is full: then one more
 * is triggered, the real path, at most `maxRefreshes` times).
 */
export async function waitForData(
  portal: Portal,
  backend: string,
  token: string,
  expected: number,
  timeoutMs: number,
  maxRefreshes = 3,
): Promise<DataReady> {
  const started = Date.now();
  const left = () => Math.max(timeoutMs - (Date.now() - started), 1000);
  let count = 0;
  await waitFor(
    `${expected} Components in the catalog`,
    async () => {
      count = await componentCount(backend, token);
      return count >= expected ? true : undefined;
    },
    {
      timeoutMs: left(),
      intervalMs: 2000,
      alive: portal.alive,
      onWait: s =>
        progress(`catalog: ${count} of ${expected} Components after ${s} s`),
    },
  );
  const catalogS = (Date.now() - started) / 1000;
  progress(
    `catalog holds ${expected} Components after ${catalogS.toFixed(0)} s`,
  );

  let triggered = 0;
  let seen: string | undefined;
  let lastNote = '';
  for (;;) {
    const current = await waitFor(
      'a windows-readiness refresh',
      async () => {
        const body = await status(backend, token);
        const finished = body.lastRefresh?.finishedAt;
        return finished && finished !== seen ? body : undefined;
      },
      {
        timeoutMs: left(),
        intervalMs: 2000,
        alive: portal.alive,
        onWait: s =>
          progress(
            `readiness: waiting for ${
              seen ? 'the triggered' : 'the first'
            } refresh (${s} s)`,
          ),
      },
    );
    seen = current.lastRefresh.finishedAt;
    const answer = await request(`${backend}${WR}/v1/report`, {
      token,
      timeoutMs: 60_000,
    });
    if (answer.status !== 200) throw new Error(`report: ${answer.status}`);
    const report = JSON.parse(answer.text);
    const complete = report.items.filter(
      (row: any) => row.owner && row.system,
    ).length;
    lastNote = `refresh ${current.lastRefresh.finishedAt}: ${current.lastRefresh.services} services, report ${report.total} rows, ${complete} with owner and system`;
    progress(lastNote);
    if (report.total >= expected && complete >= expected) {
      const byStatus: Record<string, number> = {};
      for (const row of report.items) {
        byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
      }
      return {
        catalogS,
        reportS: (Date.now() - started) / 1000,
        refreshesTriggered: triggered,
        lastRefresh: current.lastRefresh,
        report: {
          total: report.total,
          bytes: Buffer.byteLength(answer.text),
          blocked: byStatus.blocked ?? 0,
          byStatus,
        },
      };
    }
    if (triggered >= maxRefreshes) {
      throw new Error(
        `the report stays incomplete after ${triggered} refreshes: ${lastNote}`,
      );
    }
    // Trigger one; 409 while one is running (then wait for it instead).
    const post = await request(`${backend}${WR}/v1/refresh`, {
      method: 'POST',
      token,
      timeoutMs: 30_000,
    });
    if (post.status !== 202 && post.status !== 409) {
      throw new Error(
        `POST /v1/refresh answered ${post.status}: ${post.text.slice(0, 200)}`,
      );
    }
    triggered++;
    progress(`refresh triggered (${post.status})`);
  }
}

export function readLogTail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
