import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';

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

export const APP_URL = 'http://localhost:3000';
export const BACKEND_URL = 'http://localhost:7007';

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`timed out waiting for ${what}: ${String(lastError ?? '')}`);
}

export async function guestToken(): Promise<string> {
  const response = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) throw new Error(`guest sign-in: ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}

/**
 * The portal as the README starts it (`yarn start`), in its own process
 * group; resolves when the app answers and the first refresh has landed.
 */
export async function startPortal(log: (line: string) => void) {
  const child: ChildProcess = spawn('yarn', ['start'], {
    cwd: `${__dirname}/..`,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none' },
  });
  child.stdout?.on('data', data => log(String(data)));
  child.stderr?.on('data', data => log(String(data)));
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await waitFor(
      'the app on :3000',
      async () => ((await fetch(APP_URL)).ok ? true : undefined),
      240_000,
    );
    await waitFor(
      'the first Windows readiness refresh',
      async () => {
        const token = await guestToken();
        const response = await fetch(
          `${BACKEND_URL}/api/windows-readiness/v1/status`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        const status = response.ok ? await response.json() : undefined;
        return status?.lastRefresh ? status : undefined;
      },
      120_000,
    );
  } catch (error) {
    stop();
    throw error;
  }
  return { stop };
}

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Signs in as the guest user of the demo. */
export async function signIn(page: Page) {
  await page.goto(APP_URL);
  await page.getByRole('button', { name: /enter/i }).click();
  await page.waitForLoadState('networkidle');
}
