import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../../bin/winready');
const PRELOAD = path.join(__dirname, 'maxRss.js');

export interface CliRun {
  /** Exit code; null when the process was killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
  /** Peak RSS of the winready process in MB; undefined if it was killed. */
  maxRssMb?: number;
}

/**
 * Runs the real `bin/winready` in a process of its own (another cwd than the
 * package's), kills it after `timeoutMs`, and reports its peak memory.
 * With `stdoutFile`, stdout goes to that file instead of memory.
 */
export function spawnWinready(
  args: string[],
  options: {
    env?: Record<string, string>;
    timeoutMs?: number;
    stdoutFile?: string;
  } = {},
): Promise<CliRun> {
  const rssFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'winready-rss-')),
    'rss',
  );
  const out = options.stdoutFile
    ? fs.openSync(options.stdoutFile, 'w')
    : 'pipe';
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: os.tmpdir(),
    env: {
      ...process.env,
      ...options.env,
      NODE_OPTIONS: `--require ${PRELOAD}`,
      WINREADY_TEST_RSS_FILE: rssFile,
    },
    stdio: ['ignore', out, 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', chunk => {
    stdout += chunk;
  });
  child.stderr!.on('data', chunk => {
    stderr += chunk;
  });
  const timer = setTimeout(
    () => child.kill('SIGKILL'),
    options.timeoutMs ?? 60_000,
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (typeof out === 'number') fs.closeSync(out);
      const rss = fs.existsSync(rssFile)
        ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024
        : undefined;
      fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
      resolve({
        code,
        signal,
        stdout,
        stderr,
        ms: Date.now() - started,
        maxRssMb: rss,
      });
    });
  });
}
