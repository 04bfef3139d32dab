/**
 * What runs in the page before the app (Playwright's addInitScript), in every
 * document: it watches the DOM and records, on the page's own clock
 * (performance.now(), 0 = navigation start), when the report is ready and
 * when a click on the Blocked tile has been applied. Self-contained: it is
 * serialised into the page, so it may not use anything from this module.
 */

export interface ProbeOptions {
  /** The total the "All services" tile and the table title must show. */
  expected: number;
  /** Rows on the table's first page. */
  pageSize: number;
}

export interface ProbeState {
  /** DOM first matched the ready condition (a mutation callback). */
  readyDom?: number;
  /** The frame after that (rAF, then a message: about when it was painted). */
  ready?: number;
  /** `timeStamp` of the trusted click on the Blocked tile (when the browser took the input). */
  click?: number;
  /** When the page's click listener ran (click − this = input delay). */
  clickHandler?: number;
  blockedDom?: number;
  blocked?: number;
  /** The Blocked tile's count at the click, and the URL when the blocked view showed. */
  blockedCount?: number;
  blockedUrl?: string;
  /** A click on the sign-in page's ENTER button, if there was one. */
  signIn?: number;
  longTasks: Array<[number, number]>;
}

declare global {
  interface Window {
    __uiBench?: ProbeState;
  }
}

export function installProbe(options: ProbeOptions) {
  const state: ProbeState = { longTasks: [] };
  window.__uiBench = state;
  // The default buffer holds 250 entries; the dev server's app loads more.
  performance.setResourceTimingBufferSize(20_000);
  try {
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) {
        state.longTasks.push([entry.startTime, entry.duration]);
      }
    }).observe({ type: 'longtask', buffered: true } as any);
  } catch {
    // no Long Tasks API
  }

  const afterPaint = (record: (t: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record(performance.now());
      channel.port2.postMessage(undefined);
    });

  const number = (text: string | null | undefined) =>
    Number((text ?? '').replace(/[^\d]/g, ''));

  /** The services table: its title's count and the rows of its page. */
  const servicesTable = () => {
    const headings = document.querySelectorAll('h1, h2, h3, h4, h5, h6');
    for (const heading of Array.from(headings)) {
      const match = /^Services \(([\d,]+)\)$/.exec(
        (heading.textContent ?? '').trim(),
      );
      if (!match) continue;
      let root: Element | null = heading;
      while (root && !root.querySelector('tbody')) root = root.parentElement;
      if (!root) return undefined;
      const rows = Array.from(root.querySelectorAll('tbody tr')).filter(row =>
        row.querySelector('[data-testid^="status-chip-"]'),
      );
      return { count: number(match[1]), rows };
    }
    return undefined;
  };

  const tileCount = (key: string) => {
    const tile = document.querySelector(`[data-testid="status-tile-${key}"]`);
    // The count is the tile's Typography h4 (a div).
    const count = tile?.querySelector('[class*="MuiTypography-h4"]');
    return count ? number(count.textContent) : undefined;
  };

  const isReady = () => {
    if (tileCount('all') !== options.expected) return false;
    const table = servicesTable();
    return (
      !!table &&
      table.count === options.expected &&
      table.rows.length === Math.min(options.pageSize, options.expected)
    );
  };

  const isBlockedView = () => {
    if (state.blockedCount === undefined) return false;
    if (!/[?&]status=blocked(&|$)/.test(location.search)) return false;
    const table = servicesTable();
    return (
      !!table &&
      table.count === state.blockedCount &&
      table.rows.length === Math.min(options.pageSize, state.blockedCount) &&
      table.rows.every(
        row =>
          row.querySelector('[data-testid="status-chip-blocked"]') &&
          !row.querySelector(
            '[data-testid^="status-chip-"]:not([data-testid="status-chip-blocked"])',
          ),
      )
    );
  };

  const check = () => {
    if (state.readyDom === undefined && isReady()) {
      state.readyDom = performance.now();
      afterPaint(t => {
        state.ready = t;
      });
    }
    if (
      state.click !== undefined &&
      state.blockedDom === undefined &&
      isBlockedView()
    ) {
      state.blockedDom = performance.now();
      state.blockedUrl = location.href;
      afterPaint(t => {
        state.blocked = t;
      });
    }
  };

  document.addEventListener(
    'click',
    event => {
      const target = event.target as Element | null;
      if (target?.closest?.('[data-testid="status-tile-blocked"]')) {
        state.click = event.timeStamp;
        state.clickHandler = performance.now();
        state.blockedCount = tileCount('blocked');
        // The blocked view may already be there (an equal count): check now too.
        queueMicrotask(check);
      }
      const button = target?.closest?.('button');
      if (button && /^\s*enter\s*$/i.test(button.textContent ?? '')) {
        state.signIn = event.timeStamp;
      }
    },
    true,
  );

  const observe = () =>
    new MutationObserver(check).observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  if (document.documentElement) observe();
  else document.addEventListener('readystatechange', observe, { once: true });
}
