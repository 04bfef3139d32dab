/** The report of `yarn bench:ui`: per-run figures, min/median, and the target. */
import type { Args } from './args';
import type { BenchData, PortalConfigOptions } from './data';
import type { DataReady } from './portal';
import type { RunResult } from './measure';
import type { ProfiledRun } from './profile';

export interface Stat {
  min: number;
  median: number;
  max: number;
}

export function stat(values: number[]): Stat | undefined {
  const sorted = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1] };
}

export interface Target {
  name: string;
  limitMs: number;
  medianMs?: number;
  verdict: 'PASS' | 'MISS';
}

export interface FrontendResult {
  id: 'dev' | 'build';
  /** How the frontend was served. */
  description: string;
  url: string;
  /** Seconds the production build took (build only). */
  buildS?: number;
  warmup: RunResult[];
  runs: RunResult[];
  summary: Record<string, Stat | undefined>;
  targets: Target[];
  /** console.error and page errors during its runs (React dev warnings included). */
  consoleErrors: string[];
  /** `--cpu-profile`: the hottest functions (self time) of each window, and the files. */
  profile?: ProfiledRun;
}

export interface UiReport {
  bench: 'ui';
  browser: string;
  machine: { cpus: number; loadAverage: number[] };
  fleet: {
    options: Args['fleet'];
    services: number;
    clusters: number;
    pods: number;
    jsonMb: number;
    groups: number;
    systems: number;
  };
  /** app: the dev server (0 when not started); build: the production build's server. */
  ports: { app: number; backend: number; build?: number };
  startup: {
    generateS: number;
    backendS: number;
    appS: number;
    catalogS: number;
    dataS: number;
    refreshesTriggered: number;
    lastRefresh: DataReady['lastRefresh'];
    backendRestarts: number;
  };
  /** The unfiltered report fetched by Node (no browser): median of 3. */
  apiFromNode: {
    medianMs: number;
    bytes: number;
    total: number;
    byStatus: Record<string, number>;
  };
  frontends: FrontendResult[];
  screenshot?: string;
}

/** The figures summarised over the measured runs (label → extractor). */
export const SUMMARY_FIELDS: Array<
  [string, string, (run: RunResult) => number | undefined]
> = [
  [
    'readyMs',
    'navigation → report ready (tiles total + first page)',
    r => r.readyMs,
  ],
  [
    'interactiveMs',
    'navigation → Blocked view applied (interactive)',
    r => r.interactiveMs,
  ],
  ['clickToUpdateMs', 'Blocked click → view updated', r => r.clickToUpdateMs],
  [
    'inputDelayMs',
    '  of which input delay (click → handler)',
    r => r.inputDelayMs,
  ],
  [
    'blockedReportMs',
    '  of which GET /v1/report?status=blocked',
    r => r.blockedReport?.duration,
  ],
  [
    'blockedReportWaitMs',
    '  of that, while GET /v1/clusters was in flight',
    r =>
      r.blockedReport && r.clusters
        ? Math.max(
            0,
            Math.min(r.blockedReport.end, r.clusters.end) -
              Math.max(r.blockedReport.start, r.clusters.start),
          )
        : undefined,
  ],
  [
    'domContentLoadedMs',
    'navigation → DOMContentLoaded (app bundle)',
    r => r.navigation.domContentLoaded,
  ],
  [
    'scriptMb',
    'JS/CSS loaded by the page (MB, decoded)',
    r => r.navigation.scriptBytes / 1e6,
  ],
  ['reportStartMs', 'navigation → GET /v1/report sent', r => r.report?.start],
  [
    'reportMs',
    'GET /v1/report (browser, Resource Timing)',
    r => r.report?.duration,
  ],
  ['reportEndMs', 'navigation → GET /v1/report done', r => r.report?.end],
  [
    'renderAfterReportMs',
    'report done → ready (parse, render, paint)',
    r => r.renderAfterReportMs,
  ],
  [
    'clustersMs',
    'GET /v1/clusters (calendar, sent after the report)',
    r => r.clusters?.duration,
  ],
  [
    'longTasksBeforeReadyMs',
    'long tasks before ready (sum)',
    r => r.longTasks.beforeReady.totalMs,
  ],
  [
    'longTaskAfterReportMaxMs',
    'longest task after the report arrived',
    r => r.longTasks.afterReport.maxMs,
  ],
  ['heapMb', 'JS heap used after the click (MB)', r => r.heapMb],
];

export function summarise(runs: RunResult[]): Record<string, Stat | undefined> {
  return Object.fromEntries(
    SUMMARY_FIELDS.map(([key, , get]) => [
      key,
      stat(runs.map(get).filter((v): v is number => v !== undefined)),
    ]),
  );
}

export function targets(
  summary: Record<string, Stat | undefined>,
  limitMs: number,
): Target[] {
  const target = (name: string, key: string): Target => {
    const median = summary[key]?.median;
    return {
      name,
      limitMs,
      medianMs: median,
      verdict: median !== undefined && median < limitMs ? 'PASS' : 'MISS',
    };
  };
  return [
    target(
      'report rendered (navigation → tiles + first page), median',
      'readyMs',
    ),
    target(
      'report interactive (navigation → Blocked view applied), median',
      'interactiveMs',
    ),
  ];
}

export type { BenchData, PortalConfigOptions };
