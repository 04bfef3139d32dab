/**
 * The production build of the app for `--frontend build|both`: ./buildApp.ts
 * in a child process (cwd packages/app), into the bench's temp dir. Bounded
 * by a timeout; the child is killed on timeout and when this process exits.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';

export function buildFrontend(options: {
  repoRoot: string;
  outDir: string;
  configFiles: string[];
  heapMb: number;
  timeoutMs: number;
  logFile: string;
}): Promise<number> {
  const log = openSync(options.logFile, 'a');
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${options.heapMb}`,
      '-r',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      join(__dirname, 'buildApp.ts'),
      options.outDir,
      ...options.configFiles,
    ],
    {
      cwd: join(options.repoRoot, 'packages', 'app'),
      stdio: ['ignore', log, log],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  closeSync(log);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `the production build took more than ${Math.round(
            options.timeoutMs / 1000,
          )} s; see ${options.logFile}`,
        ),
      );
    }, options.timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('exit', killOnExit);
      if (code === 0) resolve(Date.now() - started);
      else
        reject(
          new Error(
            `the production build failed (${signal ?? code}); see ${
              options.logFile
            }`,
          ),
        );
    });
  });
}
