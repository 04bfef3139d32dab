/** Prints the report of `yarn bench:ui` as plain text on stdout. */
import type { RunResult } from './measure';
import { SUMMARY_FIELDS, type FrontendResult, type UiReport } from './report';

const ms = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : `${Math.round(v)}`;
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

const COLUMNS: Array<[string, number, (run: RunResult) => string]> = [
  ['ready', 7, r => ms(r.readyMs)],
  ['DCL', 6, r => ms(r.navigation.domContentLoaded)],
  ['rep.sent', 8, r => ms(r.report?.start)],
  ['rep.dur', 7, r => ms(r.report?.duration)],
  ['render', 7, r => ms(r.renderAfterReportMs)],
  ['click', 6, r => ms(r.clickMs)],
  ['click→ok', 8, r => ms(r.clickToUpdateMs)],
  ['blk.rep', 7, r => ms(r.blockedReport?.duration)],
  ['interact', 8, r => ms(r.interactiveMs)],
  [
    'long tasks',
    10,
    r =>
      `${r.longTasks.beforeReady.count}/${ms(r.longTasks.beforeReady.maxMs)}`,
  ],
];

function runLine(label: string, run: RunResult): string {
  return [
    pad(label, 9),
    ...COLUMNS.map(([, width, get]) => lpad(get(run), width)),
    run.signInMs !== undefined ? ' (signed in)' : '',
  ].join(' ');
}

function frontendSection(frontend: FrontendResult, out: string[]) {
  out.push(
    `== frontend: ${frontend.id} — ${frontend.description}${
      frontend.buildS !== undefined
        ? ` (built in ${frontend.buildS.toFixed(0)} s)`
        : ''
    }`,
  );
  out.push(
    'per run: ms from navigation start, except rep.dur/render/click→ok/blk.rep (durations); long tasks = count/longest before ready',
  );
  out.push(
    [pad('run', 9), ...COLUMNS.map(([name, width]) => lpad(name, width))].join(
      ' ',
    ),
  );
  frontend.warmup.forEach((run, i) =>
    out.push(runLine(`warm-up${frontend.warmup.length > 1 ? i + 1 : ''}`, run)),
  );
  frontend.runs.forEach((run, i) => out.push(runLine(`run ${i + 1}`, run)));
  out.push('');
  out.push(
    `${pad(`over the ${frontend.runs.length} measured runs`, 52)} ${lpad(
      'min',
      7,
    )} ${lpad('median', 7)} ${lpad('max', 7)}`,
  );
  for (const [key, label] of SUMMARY_FIELDS) {
    const v = frontend.summary[key];
    out.push(
      `${pad(label, 52)} ${lpad(ms(v?.min), 7)} ${lpad(
        ms(v?.median),
        7,
      )} ${lpad(ms(v?.max), 7)}`,
    );
  }
  out.push('');
  for (const target of frontend.targets) {
    out.push(
      `${target.verdict}  [${frontend.id}] ${target.name}: ${ms(
        target.medianMs,
      )} ms (target < ${target.limitMs} ms)`,
    );
  }
  if (frontend.consoleErrors.length) {
    out.push(
      `browser console errors: ${
        frontend.consoleErrors.length
      } (first: ${frontend.consoleErrors[0].split('\n')[0].slice(0, 140)})`,
    );
  }
  out.push('');
}

export function printTable(report: UiReport) {
  const out: string[] = [];
  const f = report.fleet;
  out.push(
    `UI benchmark: /windows-readiness with ${f.services.toLocaleString(
      'en-US',
    )} services in headless Chromium`,
  );
  out.push(
    `fleet: ${f.clusters} clusters, ${f.pods.toLocaleString(
      'en-US',
    )} pods (${f.jsonMb.toFixed(1)} MB JSON), ${f.groups} Groups, ${
      f.systems
    } Systems, seed ${f.options.seed}`,
  );
  out.push(
    `browser: ${report.browser}; machine: ${
      report.machine.cpus
    } CPUs, load ${report.machine.loadAverage
      .map(l => l.toFixed(1))
      .join(' ')} at the start`,
  );
  const s = report.startup;
  out.push(
    `portal (yarn start) on 127.0.0.1: backend :${report.ports.backend}${
      report.ports.app ? `, dev server :${report.ports.app}` : ''
    }${report.ports.build ? `, production build :${report.ports.build}` : ''}`,
  );
  out.push(
    `startup: backend up ${s.backendS.toFixed(
      0,
    )} s, app served ${s.appS.toFixed(0)} s, catalog full ${s.catalogS.toFixed(
      0,
    )} s, report complete ${s.dataS.toFixed(
      0,
    )} s after the start (refreshes triggered: ${
      s.refreshesTriggered
    }; backend restarts by the CLI's file watcher: ${s.backendRestarts})`,
  );
  const byStatus = Object.entries(report.apiFromNode.byStatus)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  out.push(
    `GET /v1/report from Node (no browser): ${ms(
      report.apiFromNode.medianMs,
    )} ms median of 3, ${(report.apiFromNode.bytes / 1e6).toFixed(2)} MB, ${
      report.apiFromNode.total
    } rows (${byStatus})`,
  );
  out.push('');
  for (const frontend of report.frontends) frontendSection(frontend, out);
  if (report.screenshot) out.push(`screenshot: ${report.screenshot}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
