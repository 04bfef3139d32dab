/**
 * The portal of the browser tests: `yarn start` with the repository's
 * app-config.yaml only (an app-config.local.yaml is not read), on free ports
 * of its own, with a title no other portal has, so that a `yarn start` left
 * running cannot answer in its place. Reuses the benchmark's process handling.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import {
  freePort,
  startPortal,
  waitForPortal,
  type Portal,
} from '../bench/ui/portal';
import { request, waitFor } from '../bench/ui/http';

export { guestToken } from '../bench/ui/http';

/** Flags for Debian's Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const REPO_ROOT = resolve(__dirname, '..');

/**
 * Where screenshots go: `docs/screenshots/` (the README's) only with
 * UPDATE_SCREENSHOTS=1, otherwise a temporary folder, so tests write no
 * tracked file.
 */
export function screenshotsDir(): string {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? join(REPO_ROOT, 'docs', 'screenshots')
      : mkdtempSync(join(tmpdir(), 'winready-e2e-screenshots-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface TestPortal {
  appUrl: string;
  backendUrl: string;
  /** The app's title: a page that shows it was served by this portal. */
  title: string;
  portal: Portal;
  stop(): Promise<void>;
}

/**
 * Starts the portal and resolves when the app answers and the first Windows
 * readiness refresh has landed.
 */
export async function startTestPortal(): Promise<TestPortal> {
  const dir = mkdtempSync(join(tmpdir(), 'winready-e2e-'));
  const appPort = await freePort(0);
  let backendPort = await freePort(0);
  while (backendPort === appPort) backendPort = await freePort(0);
  const appUrl = `http://localhost:${appPort}`;
  const backendUrl = `http://localhost:${backendPort}`;
  const title = `winready e2e ${randomBytes(4).toString('hex')}`;
  const configFile = join(dir, 'app-config.e2e.yaml');
  writeFileSync(
    configFile,
    JSON.stringify({
      app: { title, baseUrl: appUrl, listen: { port: appPort } },
      backend: {
        baseUrl: backendUrl,
        listen: { port: backendPort },
        cors: { origin: appUrl },
      },
    }),
  );
  const logFile = join(dir, 'portal.log');
  const portal = startPortal({
    repoRoot: REPO_ROOT,
    configFiles: [join(REPO_ROOT, 'app-config.yaml'), configFile],
    heapMb: 4096,
    logFile,
    verbose: false,
    ports: [appPort, backendPort],
  });
  try {
    const { token } = await waitForPortal(
      portal,
      { app: appUrl, backend: backendUrl },
      300_000,
    );
    // The app's own page carries its own title: not another portal's.
    const html = await request(appUrl);
    if (!html.text.includes(title)) {
      throw new Error(`${appUrl} does not serve this test's app (${title})`);
    }
    await waitFor(
      'the first Windows readiness refresh',
      async () => {
        const status = await request(
          `${backendUrl}/api/windows-readiness/v1/status`,
          { token },
        );
        return status.status === 200 && JSON.parse(status.text).lastRefresh
          ? true
          : undefined;
      },
      { timeoutMs: 120_000, alive: portal.alive },
    );
  } catch (error) {
    await portal.stop();
    throw new Error(`${String(error)}\nportal log: ${logFile}`);
  }
  return { appUrl, backendUrl, title, portal, stop: () => portal.stop() };
}

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}
