/**
 * `yarn bench:ui [--json] [--runs N] [--warmup N] [--seed S] [--services N]
 *   [--clusters N] [--pools-per-cluster N] [--pods-per-service N]
 *   [--app-port P] [--backend-port P] [--target-ms MS] [--heap-mb MB]
 *   [--startup-timeout S] [--data-timeout S] [--run-timeout S]
 *   [--frontend dev|build|both] [--build-port P] [--build-timeout S]
 *   [--screenshot PATH | --no-screenshot] [--cpu-profile DIR] [--verbose]`
 *
 * How long the org-wide report page (`/windows-readiness`) takes to render
 * and become interactive with 5,000 services, in headless Chromium.
 *
 * Generates the benchmark fleet (100 clusters, 5,000 services, 50,000 pods)
 * as JSON and a catalog file with a Component per service (annotated with
 * `backstage.io/kubernetes-id`, owned by a Group, in a System), then starts
 * the portal as a developer does (`yarn start`: the frontend dev server and
 * the backend) with the repository's app-config.yaml plus an extra config
 * file: its own loopback ports (free ones unless given), the catalog
 * pointed at that file only, and `windowsReadiness.demo.fleetFile` pointed at
 * the fleet, which the demo module serves from the AKS simulator and the
 * backend collects through the real sources. Once the report has every
 * service with its owner and system, it measures 1 warm-up and N runs, each a
 * fresh page navigating to `/windows-readiness` as the signed-in guest:
 * navigation start → tiles and first page of the table painted, then a
 * click on the Blocked tile → the URL has `status=blocked` and the table
 * only blocked rows; and the report API calls as the browser saw them.
 *
 * Two frontends (`--frontend both`, the default): the dev server of
 * `yarn start` (unminified, React development mode: what a developer sees)
 * and a production build of packages/app (minified, React production mode:
 * what users get), built with the same config into the temp dir and served
 * statically like the app backend does, against the same backend.
 * `--frontend build` starts the backend alone (`yarn start backend`).
 *
 * A benchmark, not a test: PASS/MISS against the target (1.5 s), exit 0
 * whatever the figures (2 when it cannot run). Progress on stderr, the report
 * on stdout (`--json` for JSON). The portal's whole process group is stopped
 * at the end, on error and on SIGINT/SIGTERM/SIGHUP; the temp dir is removed.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { progress } from './evaluate/progress';
import { parseArgs, type Args } from './ui/args';
import { buildFrontend } from './ui/build';
import { writeBenchData, writeBuildConfig, writePortalConfig } from './ui/data';
import { request } from './ui/http';
import {
  collectConsoleErrors,
  measureRun,
  newContext,
  openBrowser,
  screenshotReport,
  SCREENSHOT_VIEWPORT,
  type RunResult,
} from './ui/measure';
import {
  freePort,
  startPortal,
  waitForData,
  waitForPortal,
  type Portal,
} from './ui/portal';
import {
  stat,
  summarise,
  targets,
  type FrontendResult,
  type UiReport,
} from './ui/report';
import { profileRun, type ProfiledRun } from './ui/profile';
import { serveStatic } from './ui/staticServer';
import { printTable } from './ui/table';
import { runMain } from './shared/runMain';

const REPO_ROOT = resolve(__dirname, '..');

const DESCRIPTIONS = {
  dev: 'dev server of `yarn start` (rspack development build: unminified, React development mode)',
  build:
    'production build of packages/app (rspack, minified, React production mode) served statically from the temp dir',
};

/** Free ports for the dev server, the backend and the build's server, all distinct. */
async function pickPorts(args: Args) {
  const taken = new Set<number>();
  const pick = async (preferred: number) => {
    let port = await freePort(preferred);
    for (let i = 0; taken.has(port) && i < 10; i++) port = await freePort(0);
    if (taken.has(port))
      throw new Error(`no free port distinct from ${[...taken]}`);
    taken.add(port);
    return port;
  };
  const dev = args.frontend === 'build' ? 0 : await pick(args.appPort);
  const backend = await pick(args.backendPort);
  const build = args.frontend === 'dev' ? 0 : await pick(args.buildPort);
  return { dev, backend, build };
}

async function measureFrontend(
  browser: Browser,
  id: 'dev' | 'build',
  url: string,
  expected: number,
  expectedBlocked: number,
  args: Args,
): Promise<Omit<FrontendResult, 'buildS'>> {
  const context = await newContext(browser, expected);
  const consoleErrors = collectConsoleErrors(context);
  const warmup: RunResult[] = [];
  const runs: RunResult[] = [];
  let profile: ProfiledRun | undefined;
  try {
    for (let i = 0; i < args.warmup + args.runs; i++) {
      const isWarmup = i < args.warmup;
      const label = isWarmup
        ? `[${id}] warm-up ${i + 1}/${args.warmup}`
        : `[${id}] run ${i - args.warmup + 1}/${args.runs}`;
      const run = await measureRun(context, url, args.runTimeoutS * 1000);
      (isWarmup ? warmup : runs).push(run);
      progress(
        `${label}: ready ${Math.round(
          run.readyMs,
        )} ms (DOMContentLoaded ${Math.round(
          run.navigation.domContentLoaded,
        )}, report ${Math.round(
          run.report?.duration ?? NaN,
        )} ms, render after it ${Math.round(
          run.renderAfterReportMs ?? NaN,
        )} ms); Blocked click → view ${Math.round(
          run.clickToUpdateMs,
        )} ms; interactive ${Math.round(run.interactiveMs)} ms`,
      );
      if (run.blockedCount !== expectedBlocked) {
        progress(
          `warning: the Blocked tile said ${run.blockedCount}, the API ${expectedBlocked}`,
        );
      }
    }
    if (args.cpuProfileDir) {
      mkdirSync(args.cpuProfileDir, { recursive: true });
      profile = await profileRun(
        context,
        url,
        join(resolve(args.cpuProfileDir), id),
        args.runTimeoutS * 1000,
      );
      for (const [window, hot] of [
        ['report response → ready', profile.render],
        ['Blocked click → blocked view', profile.click],
      ] as const) {
        progress(
          `[${id}] CPU profile, ${window}: self ms / total ms / function`,
        );
        for (const fn of hot.slice(0, 15)) {
          progress(
            `  ${fn.selfMs.toFixed(0).padStart(5)} ${fn.totalMs
              .toFixed(0)
              .padStart(6)}  ${fn.name}`,
          );
        }
      }
      progress(`[${id}] profiles: ${profile.files.join(', ')}`);
    }
  } finally {
    await context.close().catch(() => undefined);
  }
  const summary = summarise(runs);
  return {
    id,
    description: DESCRIPTIONS[id],
    url,
    warmup,
    runs,
    summary,
    targets: targets(summary, args.targetMs),
    consoleErrors,
    profile,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const tmp = mkdtempSync(join(tmpdir(), 'winready-bench-ui-'));
  let portal: Portal | undefined;
  let browser: Browser | undefined;
  let server: Server | undefined;
  try {
    progress(`generating the fleet ${JSON.stringify(args.fleet)} into ${tmp}`);
    const data = writeBenchData(tmp, args.fleet);
    const expected = data.services.length;
    progress(
      `fleet: ${expected} services, ${data.stats.pods} pods, ${(
        data.fleetBytes / 1e6
      ).toFixed(1)} MB JSON, ${data.groups} Groups, ${
        data.systems
      } Systems in ${(data.generateMs / 1000).toFixed(1)} s`,
    );

    const ports = await pickPorts(args);
    const urls = {
      dev: ports.dev ? `http://127.0.0.1:${ports.dev}` : '',
      build: ports.build ? `http://127.0.0.1:${ports.build}` : '',
      backend: `http://127.0.0.1:${ports.backend}`,
    };
    const configFile = join(tmp, 'app-config.bench-ui.yaml');
    writePortalConfig(configFile, {
      appPort: ports.dev || ports.build,
      backendPort: ports.backend,
      extraOrigins: ports.dev && ports.build ? [urls.build] : [],
      fleetFile: data.fleetFile,
      entitiesFile: data.entitiesFile,
    });
    const configFiles = [join(REPO_ROOT, 'app-config.yaml'), configFile];
    const loadAverage = loadavg();
    const started = Date.now();
    portal = startPortal({
      repoRoot: REPO_ROOT,
      configFiles,
      packages: args.frontend === 'build' ? ['backend'] : [],
      heapMb: args.heapMb,
      logFile: join(tmp, 'portal.log'),
      verbose: args.verbose,
      ports: [ports.dev, ports.backend].filter(Boolean),
    });

    // The production build runs while the backend loads the fleet.
    let build: Promise<number> | undefined;
    if (ports.build) {
      const buildConfig = join(tmp, 'app-config.bench-ui.build.yaml');
      writeBuildConfig(buildConfig, ports.build);
      progress('building the app for production into the temp dir');
      build = buildFrontend({
        repoRoot: REPO_ROOT,
        outDir: join(tmp, 'app-dist'),
        configFiles: [...configFiles, buildConfig],
        heapMb: 4096,
        timeoutMs: args.buildTimeoutS * 1000,
        logFile: join(tmp, 'build.log'),
      });
      build.catch(() => undefined);
    }

    const up = await waitForPortal(
      portal,
      { app: urls.dev || undefined, backend: urls.backend },
      args.startupTimeoutS * 1000,
    );
    const ready = await waitForData(
      portal,
      urls.backend,
      up.token,
      expected,
      args.dataTimeoutS * 1000,
    );
    const dataS = (Date.now() - started) / 1000;
    let buildS: number | undefined;
    if (build) {
      buildS = (await build) / 1000;
      progress(`production build done in ${buildS.toFixed(0)} s`);
      server = await serveStatic(join(tmp, 'app-dist'), ports.build);
    }

    // The report API alone, from Node: what the backend costs without a browser.
    const apiMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await request(
        `${urls.backend}/api/windows-readiness/v1/report`,
        {
          token: up.token,
          timeoutMs: 60_000,
        },
      );
      if (answer.status !== 200) throw new Error(`report: ${answer.status}`);
      apiMs.push(answer.ms);
    }

    browser = await openBrowser();
    const frontends: FrontendResult[] = [];
    if (urls.dev) {
      portal.alive();
      frontends.push(
        await measureFrontend(
          browser,
          'dev',
          urls.dev,
          expected,
          ready.report.blocked,
          args,
        ),
      );
    }
    if (urls.build) {
      portal.alive();
      frontends.push({
        ...(await measureFrontend(
          browser,
          'build',
          urls.build,
          expected,
          ready.report.blocked,
          args,
        )),
        buildS,
      });
    }

    let screenshot: string | undefined;
    if (args.screenshot) {
      screenshot = isAbsolute(args.screenshot)
        ? args.screenshot
        : join(REPO_ROOT, args.screenshot);
      progress(`screenshot → ${screenshot}`);
      const context = await newContext(browser, expected, SCREENSHOT_VIEWPORT);
      try {
        await screenshotReport(
          context,
          urls.build || urls.dev,
          screenshot,
          args.runTimeoutS * 1000,
        );
      } finally {
        await context.close().catch(() => undefined);
      }
    }

    const report: UiReport = {
      bench: 'ui',
      browser: `Chromium ${browser.version()} headless (${
        process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
      })`,
      machine: { cpus: cpus().length, loadAverage },
      fleet: {
        options: args.fleet,
        services: expected,
        clusters: data.stats.clusters,
        pods: data.stats.pods,
        jsonMb: data.fleetBytes / 1e6,
        groups: data.groups,
        systems: data.systems,
      },
      ports: {
        app: ports.dev,
        backend: ports.backend,
        build: ports.build || undefined,
      },
      startup: {
        generateS: data.generateMs / 1000,
        backendS: up.backendS,
        appS: up.appS,
        catalogS: up.appS + ready.catalogS,
        dataS,
        refreshesTriggered: ready.refreshesTriggered,
        lastRefresh: ready.lastRefresh,
        backendRestarts: portal.backendRestarts(),
      },
      apiFromNode: {
        medianMs: stat(apiMs)!.median,
        bytes: ready.report.bytes,
        total: ready.report.total,
        byStatus: ready.report.byStatus,
      },
      frontends,
      screenshot,
    };
    if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printTable(report);
  } catch (error) {
    if (portal) {
      progress(
        `portal log: ${portal.logFile}; its last lines:\n${portal.tail(40)}`,
      );
    }
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    await new Promise(done =>
      server ? server.close(() => done(undefined)) : done(undefined),
    );
    if (portal) {
      progress('stopping the portal');
      await portal.stop();
    }
    if (process.env.BENCH_UI_KEEP_TMP) progress(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

runMain(main, { exit: true });
