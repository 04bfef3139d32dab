/**
 * `--cpu-profile DIR`: one more navigation per frontend after the measured
 * runs, under the V8 sampling profiler (Chrome DevTools Protocol), from
 * navigation to the blocked view. Writes `<frontend>.cpuprofile` (open it in
 * the DevTools Performance panel) and returns the functions with the most
 * self and total time, so the slow path is named in the bench's output.
 * The production build's names are minified: its profile is for the
 * magnitudes, the dev server's for the names.
 */
import { writeFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { REPORT_PATH } from './measure';

interface ProfileNode {
  id: number;
  callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
    columnNumber: number;
  };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  selfMs: number;
  totalMs: number;
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\//, '').replace(/\?.*$/, '');
  return `${functionName || '(anonymous)'}${
    file ? ` ${file}:${lineNumber + 1}` : ''
  }`;
}

/** Self and total (each function once per sampled stack) time by function. */
export function hotFunctions(profile: CpuProfile, top = 25): HotFunction[] {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const name = label(node);
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (
      let at: number | undefined = id;
      at !== undefined;
      at = parent.get(at)
    ) {
      const frame = byId.get(at)!;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return [...total.entries()]
    .filter(([name]) => !IDLE.has(name))
    .map(([name, totalMs]) => ({ name, selfMs: self.get(name) ?? 0, totalMs }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

export interface ProfiledRun {
  /** From the unfiltered report's response to the report painted. */
  render: HotFunction[];
  /** From just before the Blocked click to the blocked view painted. */
  click: HotFunction[];
  files: string[];
}

/**
 * Profiles one navigation in two windows, each its own profile: the report's
 * response → ready (parse and render, without the app's boot), and the
 * Blocked click → blocked view. Writes `<prefix>-render.cpuprofile` and
 * `<prefix>-click.cpuprofile`.
 */
export async function profileRun(
  context: BrowserContext,
  appUrl: string,
  prefix: string,
  timeoutMs: number,
): Promise<ProfiledRun> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    const stop = async (file: string) => {
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: CpuProfile;
      };
      writeFileSync(file, JSON.stringify(profile));
      return hotFunctions(profile);
    };
    const reportResponse = page.waitForResponse(
      response => /\/api\/windows-readiness\/v1\/report$/.test(response.url()),
      { timeout: timeoutMs },
    );
    await page.goto(`${appUrl}${REPORT_PATH}`, {
      waitUntil: 'commit',
      timeout: timeoutMs,
    });
    await reportResponse;
    await cdp.send('Profiler.start');
    await page.waitForFunction(
      () => window.__uiBench?.ready !== undefined,
      undefined,
      {
        polling: 50,
        timeout: timeoutMs,
      },
    );
    const files = [`${prefix}-render.cpuprofile`, `${prefix}-click.cpuprofile`];
    const render = await stop(files[0]);
    await cdp.send('Profiler.start');
    await page
      .locator('[data-testid="status-tile-blocked"]')
      .click({ timeout: timeoutMs });
    await page.waitForFunction(
      () => window.__uiBench?.blocked !== undefined,
      undefined,
      {
        polling: 50,
        timeout: timeoutMs,
      },
    );
    const click = await stop(files[1]);
    return { render, click, files };
  } finally {
    await page.close().catch(() => undefined);
  }
}
