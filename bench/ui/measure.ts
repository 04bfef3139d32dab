/**
 * The browser side of `yarn bench:ui`: headless Debian Chromium through
 * playwright-core. Each run is a fresh page (same browser context, so the
 * guest session and the HTTP cache carry over, as for a user coming back)
 * navigating to `/windows-readiness`; the probe (./probe.ts) records on the
 * page's clock when the report is ready and when a click on the Blocked
 * tile has been applied; Resource Timing gives the report API calls.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core';
import { CHROMIUM_ARGS } from '../../e2e/portal';
import { progress } from '../evaluate/progress';
import { installProbe, type ProbeState } from './probe';

export const REPORT_PATH = '/windows-readiness';
export const SERVICES_PAGE_SIZE = 20;
/** Tiles, filters, the table's first rows. */
export const SCREENSHOT_VIEWPORT = { width: 1600, height: 2000 };

export interface ResourceTiming {
  url: string;
  start: number;
  end: number;
  duration: number;
  /** Zero cross-origin without Timing-Allow-Origin (the backend sends none). */
  ttfb: number;
  bodyBytes: number;
}

export interface RunResult {
  /** navigation start → tiles show the total and the table its first page (painted). */
  readyMs: number;
  readyDomMs: number;
  /** navigation start → the Blocked click applied (URL, count, only blocked rows; painted). */
  interactiveMs: number;
  /** when the browser took the click (event.timeStamp). */
  clickMs: number;
  clickToUpdateMs: number;
  inputDelayMs: number;
  blockedCount: number;
  blockedUrl: string;
  signInMs?: number;
  /** The unfiltered report call (the first one). */
  report?: ResourceTiming;
  /** The `status=blocked` report call after the click. */
  blockedReport?: ResourceTiming;
  /** GET /v1/clusters (the retirement calendar's), sent once the report is shown. */
  clusters?: ResourceTiming;
  /** Every backend call of the page: path, start and end (ms from navigation start). */
  apiCalls: Array<{ path: string; start: number; end: number }>;
  /** ready − the report's responseEnd: JSON parse + React render + paint. */
  renderAfterReportMs?: number;
  navigation: {
    responseEnd: number;
    domContentLoaded: number;
    load: number;
    /** JS/CSS resources of the app and their bytes (decoded). */
    scripts: number;
    scriptBytes: number;
  };
  longTasks: {
    /** Long tasks (> 50 ms) from navigation start to ready. */
    beforeReady: {
      count: number;
      totalMs: number;
      maxMs: number;
      blockingMs: number;
    };
    /** ... and from the click to the blocked view. */
    afterClick: { count: number; totalMs: number; maxMs: number };
    /** The longest task that ended after the report arrived and before ready. */
    afterReport: { count: number; totalMs: number; maxMs: number };
  };
  heapMb?: number;
}

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

export async function newContext(
  browser: Browser,
  expected: number,
  viewport = { width: 1400, height: 1000 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(installProbe, {
    expected,
    pageSize: SERVICES_PAGE_SIZE,
  });
  return context;
}

const probeState = (page: Page) =>
  page.evaluate(() => window.__uiBench as ProbeState);

/** Waits until `key` is recorded by the probe, clicking ENTER on a sign-in page on the way. */
async function waitForProbe(
  page: Page,
  key: 'ready' | 'blocked',
  timeoutMs: number,
): Promise<void> {
  const enter = page.getByRole('button', { name: /^enter$/i });
  const deadline = Date.now() + timeoutMs;
  let signedIn = false;
  while (Date.now() < deadline) {
    const done = await page
      .waitForFunction(k => window.__uiBench?.[k] !== undefined, key, {
        polling: 50,
        timeout: Math.min(1000, Math.max(deadline - Date.now(), 1)),
      })
      .then(
        () => true,
        () => false,
      );
    if (done) return;
    if (
      !signedIn &&
      key === 'ready' &&
      (await enter.isVisible().catch(() => false))
    ) {
      await enter.click({ timeout: 10_000 });
      signedIn = true;
    }
  }
  throw new Error(
    `${key}: not reached within ${Math.round(
      timeoutMs / 1000,
    )} s at ${page.url()}`,
  );
}

function summariseLongTasks(
  tasks: Array<[number, number]>,
  from: number,
  to: number,
) {
  const within = tasks.filter(
    ([start, duration]) => start + duration > from && start < to,
  );
  return {
    count: within.length,
    totalMs: within.reduce((sum, [, d]) => sum + d, 0),
    maxMs: within.reduce((max, [, d]) => Math.max(max, d), 0),
    blockingMs: within.reduce((sum, [, d]) => sum + Math.max(d - 50, 0), 0),
  };
}

/** One fresh navigation: ready, then the Blocked click; closes its page. */
export async function measureRun(
  context: BrowserContext,
  appUrl: string,
  timeoutMs: number,
): Promise<RunResult> {
  const page = await context.newPage();
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(deadline - Date.now(), 1);
  try {
    await page.goto(`${appUrl}${REPORT_PATH}`, {
      waitUntil: 'commit',
      timeout: left(),
    });
    await waitForProbe(page, 'ready', left());
    await page
      .locator('[data-testid="status-tile-blocked"]')
      .click({ timeout: left() });
    await waitForProbe(page, 'blocked', left());
    const state = await probeState(page);
    const timings = await page.evaluate(() => {
      const nav = performance.getEntriesByType(
        'navigation',
      )[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType(
        'resource',
      ) as PerformanceResourceTiming[];
      const timing = (r: PerformanceResourceTiming) => ({
        url: r.name,
        start: r.startTime,
        end: r.responseEnd,
        duration: r.duration,
        ttfb: r.responseStart > 0 ? r.responseStart - r.requestStart : 0,
        bodyBytes: r.decodedBodySize,
      });
      const reports = resources
        .filter(r => r.name.includes('/api/windows-readiness/v1/report'))
        .map(timing);
      const clusters = resources
        .filter(r => r.name.includes('/api/windows-readiness/v1/clusters'))
        .map(timing)[0];
      const apiCalls = resources
        .filter(r => r.name.includes('/api/'))
        .map(r => {
          const url = new URL(r.name);
          return {
            path: `${url.pathname}${url.search}`,
            start: Math.round(r.startTime),
            end: Math.round(r.responseEnd),
          };
        });
      const scripts = resources.filter(
        r => r.initiatorType === 'script' || r.initiatorType === 'link',
      );
      const memory = (performance as any).memory;
      return {
        nav: {
          responseEnd: nav?.responseEnd ?? 0,
          domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
          load: nav?.loadEventEnd ?? 0,
          scripts: scripts.length,
          scriptBytes: scripts.reduce((sum, r) => sum + r.decodedBodySize, 0),
        },
        reports,
        clusters,
        apiCalls,
        heapMb: memory ? memory.usedJSHeapSize / 2 ** 20 : undefined,
      };
    });
    const report = timings.reports.find(r => !/[?&]status=/.test(r.url));
    const blockedReport = timings.reports.find(r =>
      /[?&]status=blocked/.test(r.url),
    );
    const ready = state.ready!;
    const click = state.click!;
    return {
      readyMs: ready,
      readyDomMs: state.readyDom!,
      interactiveMs: state.blocked!,
      clickMs: click,
      clickToUpdateMs: state.blocked! - click,
      inputDelayMs: state.clickHandler! - click,
      blockedCount: state.blockedCount!,
      blockedUrl: state.blockedUrl!,
      signInMs: state.signIn,
      report,
      blockedReport,
      clusters: timings.clusters,
      apiCalls: timings.apiCalls,
      renderAfterReportMs: report ? ready - report.end : undefined,
      navigation: timings.nav,
      longTasks: {
        beforeReady: summariseLongTasks(state.longTasks, 0, ready),
        afterClick: summariseLongTasks(state.longTasks, click, state.blocked!),
        afterReport: summariseLongTasks(
          state.longTasks,
          report?.end ?? ready,
          ready,
        ),
      },
      heapMb: timings.heapMb,
    };
  } catch (error) {
    // What the page showed, for the error message (the temp dir goes away).
    const shot = join(tmpdir(), 'winready-bench-ui-failure.png');
    const state = await probeState(page).catch(() => undefined);
    await page
      .screenshot({ path: shot, timeout: 10_000 })
      .catch(() => undefined);
    throw new Error(
      `${(error as Error).message}; probe ${JSON.stringify({
        ...state,
        longTasks: state?.longTasks.length,
      })}; screenshot ${shot}`,
    );
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * A screenshot of the report once the trend and calendar have settled. The
 * app scrolls inside its content area, not the document, so a tall viewport
 * is what shows more of the page (see SCREENSHOT_VIEWPORT).
 */
export async function screenshotReport(
  context: BrowserContext,
  appUrl: string,
  path: string,
  timeoutMs: number,
) {
  const page = await context.newPage();
  try {
    await page.goto(`${appUrl}${REPORT_PATH}`, {
      waitUntil: 'commit',
      timeout: timeoutMs,
    });
    await waitForProbe(page, 'ready', timeoutMs);
    await page
      .waitForLoadState('networkidle', { timeout: 15_000 })
      .catch(() => progress('screenshot: the network did not go idle in 15 s'));
    // The sign-in click leaves the mouse where the sidebar may open on
    // hover: move it off the app and let the sidebar close.
    const viewport = page.viewportSize();
    await page.mouse.move(
      (viewport?.width ?? 1400) - 5,
      (viewport?.height ?? 1000) - 5,
    );
    await page.waitForTimeout(1000);
    mkdirSync(dirname(path), { recursive: true });
    await page.screenshot({ path, fullPage: true, timeout: 30_000 });
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Errors the page logged during a run (for the report, not a failure). */
export function collectConsoleErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on('page', page => {
    page.on('console', message => {
      if (message.type() === 'error') errors.push(message.text().slice(0, 300));
    });
    page.on('pageerror', error => errors.push(String(error).slice(0, 300)));
  });
  return errors;
}
