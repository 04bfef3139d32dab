/**
 * The run of `yarn bench:api`: generate and serve the fleet, bring up the
 * backend, let the real refresh fill the store, then measure. Every child
 * process is stopped in `finally`, whatever happened.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Fleet } from '@winready/plugin-windows-readiness-common';
import { fleetStats, generateFleet, Rng } from '../fleet';
import { progress } from '../evaluate/progress';
import type { Args } from './args';
import {
  guestToken,
  KUBERNETES_QUERY,
  refreshReadiness,
  waitForCatalog,
  waitForReadiness,
  WR,
} from './backstage';
import { forkChild, stopAll, waitForIdle, type Child } from './children';
import { evaluateLocally, STATUSES } from './expected';
import { freePort, request } from './http';
import type { LoadRequest } from './load';
import { createMeasure } from './measure';
import { dropPostgresDatabases } from './postgres';
import { probeBackend } from './probe';
import { buildReport, type Report, type Setup } from './report';
import {
  backendConfig,
  entityRefOf,
  fleetServices,
  SIMULATOR_SERVED_KINDS,
  writeConfig,
  writeEntities,
  type FleetService,
} from './setup';
import type { SimulatorReady } from './simulatorChild';
import { planWhatIfs } from './whatIf';
import { measureWhatIfs, measureWorkloads } from './platformRuns';

/** Deterministic shuffle (Fisher-Yates over the fleet's seeded PRNG). */
function shuffled<T>(items: T[], seed: string): T[] {
  const rng = new Rng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const entityPath = (service: FleetService) =>
  `${WR}/v1/entities/default/component/${encodeURIComponent(service.id)}`;

async function simulatorRequestTotal(simUrl: string, caPem: string) {
  // The simulator's control endpoint is HTTPS with its own CA: use node's https.
  const https = await import('node:https');
  return new Promise<number>((resolve, reject) => {
    const req = https.get(
      `${simUrl}/_simulator/requests`,
      { ca: caPem, timeout: 10_000 },
      res => {
        let body = '';
        res.on('data', chunk => (body += chunk));
        res.on('end', () => {
          try {
            const counts = JSON.parse(body) as Record<string, number>;
            resolve(
              Object.entries(counts)
                .filter(([kind]) => kind.startsWith('kubernetes.'))
                .reduce((sum, [, n]) => sum + n, 0),
            );
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

export async function runBench(args: Args): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'winready-bench-api-'));
  const prefix = `winready_bench_api_${process.pid}_`;
  let failed = true;
  try {
    // 1. The fleet, its catalog entities and a local evaluation to check against.
    progress(`generating ${JSON.stringify(args.fleet)}`);
    let start = performance.now();
    let fleet: Fleet | undefined = generateFleet(args.fleet);
    const generateMs = performance.now() - start;
    const stats = fleetStats(fleet);
    const services = fleetServices(fleet);
    const fleetFile = join(dir, 'fleet.json');
    writeFileSync(fleetFile, JSON.stringify(fleet));
    const entitiesFile = join(dir, 'entities.yaml');
    writeEntities(entitiesFile, services);
    progress(
      `generated in ${Math.round(generateMs)} ms: ${stats.clusters} clusters, ${
        stats.pods
      } pods, ${services.length} services; files in ${dir}`,
    );

    // 2. The simulator, in its own process.
    progress('starting the AKS simulator (child process)');
    const sim = forkChild({
      name: 'aks-simulator',
      module: join(__dirname, 'simulatorChild.ts'),
      args: [fleetFile, join(dir, 'simulator-ca.pem')],
      heapMb: 4096,
      logFile: join(dir, 'simulator.log'),
    });
    const simReady = await sim.waitForMessage<SimulatorReady>(
      m => (m?.type === 'ready' ? m : undefined),
      args.startupTimeoutS * 1000,
    );
    progress(`simulator on ${simReady.url}`);

    // 3. The backend, in its own process.
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const configFile = join(dir, 'app-config.bench.yaml');
    writeConfig(
      configFile,
      backendConfig({
        port,
        entitiesFile,
        sim: simReady,
        database:
          args.database === 'sqlite'
            ? { client: 'better-sqlite3', connection: ':memory:' }
            : { client: 'pg', connection: args.postgresUrl },
        databaseExtra: args.database === 'postgres' ? { prefix } : undefined,
        kubernetesKinds: args.kubernetesKinds,
      }),
    );
    progress(
      `starting the backend (child process, ${
        args.database === 'sqlite'
          ? 'SQLite in memory'
          : `PostgreSQL, databases ${prefix}*`
      }) on ${baseUrl}`,
    );
    start = performance.now();
    const backend: Child = forkChild({
      name: 'backend',
      module: join(__dirname, 'backendChild.ts'),
      args: ['--config', configFile],
      heapMb: 8192,
      preload: args.backendRequire ? [resolve(args.backendRequire)] : [],
      logFile: join(dir, 'backend.log'),
    });
    await backend.waitForMessage(
      m => (m?.type === 'started' ? true : undefined),
      args.startupTimeoutS * 1000,
    );
    await waitForReadiness(baseUrl, args.startupTimeoutS * 1000);
    const backendStartS = (performance.now() - start) / 1000;
    const memoryAtStart = (await probeBackend(backend)).memory;
    progress(
      `backend up in ${backendStartS.toFixed(
        1,
      )} s, RSS ${memoryAtStart.rssMb.toFixed(0)} MB`,
    );
    const token = await guestToken(baseUrl);

    // 4. The real catalog ingests the entities file; then the real refresh.
    progress(`waiting for the catalog to hold ${services.length} Components`);
    const catalogS = await waitForCatalog(
      baseUrl,
      token,
      services.length,
      args.catalogTimeoutS * 1000,
    );
    const memoryCatalogReady = (await probeBackend(backend)).memory;
    progress(
      `catalog ready in ${catalogS.toFixed(
        0,
      )} s, backend RSS ${memoryCatalogReady.rssMb.toFixed(
        0,
      )} MB; triggering refresh`,
    );
    const refresh = await refreshReadiness(
      baseUrl,
      token,
      args.refreshTimeoutS * 1000,
    );
    progress(
      `refresh done in ${refresh.seconds.toFixed(0)} s: ${
        refresh.outcome.clusters
      } clusters, ${refresh.outcome.services} services, ${
        refresh.outcome.errors
      } source errors`,
    );
    const memoryAfterRefresh = (await probeBackend(backend)).memory;
    progress(
      `backend RSS ${memoryAfterRefresh.rssMb.toFixed(
        0,
      )} MB after the refresh (peak ${memoryAfterRefresh.peakRssMb.toFixed(
        0,
      )} MB)`,
    );

    // 5. What the store now serves, against the same fleet evaluated here.
    const summaryAnswer = await request(`${baseUrl}${WR}/v1/report?limit=1`, {
      token,
      timeoutMs: 120_000,
    });
    if (summaryAnswer.status !== 200) {
      throw new Error(`report answered ${summaryAnswer.status}`);
    }
    const stored = summaryAnswer.json();
    const workloadsAnswer = await request(
      `${baseUrl}${WR}/v1/workloads?limit=1`,
      { token, timeoutMs: 120_000 },
    );
    if (workloadsAnswer.status !== 200) {
      throw new Error(
        `workloads answered ${
          workloadsAnswer.status
        }: ${workloadsAnswer.text.slice(0, 300)}`,
      );
    }
    const storedUnowned = workloadsAnswer.json();
    const local = evaluateLocally(fleet, new Date(refresh.asOf));
    const whatIfs = planWhatIfs(fleet, {
      osSkuRequests: args.whatIfRequests,
      taintRequests: args.taintRequests,
      seed: String(args.fleet.seed),
    });
    fleet = undefined;
    const zeros = Object.fromEntries(STATUSES.map(s => [s, 0]));
    const storedStatuses: Record<string, number> = {
      ...zeros,
      ...stored.summary?.byStatus,
    };

    // 6. The entity of the like-for-like comparison: a multi-cluster one if any.
    const compared = services.find(s => s.clusters.length > 1) ?? services[0];
    const comparedRef = entityRefOf(compared);
    const entityAnswer = await request(`${baseUrl}${entityPath(compared)}`, {
      token,
    });
    if (entityAnswer.status !== 200) {
      throw new Error(
        `entity endpoint answered ${
          entityAnswer.status
        } for ${comparedRef}: ${entityAnswer.text.slice(0, 300)}`,
      );
    }
    const kubernetesBody = JSON.stringify({ entityRef: comparedRef, auth: {} });
    const before = await simulatorRequestTotal(simReady.url, simReady.caPem);
    const kubernetesAnswer = await request(`${baseUrl}${KUBERNETES_QUERY}`, {
      token,
      body: JSON.parse(kubernetesBody),
      timeoutMs: 120_000,
    });
    const apiCallsPerQuery =
      (await simulatorRequestTotal(simReady.url, simReady.caPem)) - before;
    if (kubernetesAnswer.status !== 200) {
      throw new Error(
        `Kubernetes backend answered ${
          kubernetesAnswer.status
        }: ${kubernetesAnswer.text.slice(0, 300)}`,
      );
    }
    const kubernetesItems = kubernetesAnswer.json().items as Array<{
      cluster: { name: string };
      resources: Array<{ type: string; resources: unknown[] }>;
      errors: unknown[];
    }>;
    const setup: Setup = {
      loadAverageBeforeRuns: NaN,
      database: args.database,
      backendRequire: args.backendRequire,
      catalog: 'real (@backstage/plugin-catalog-backend, file location)',
      generateMs,
      stats,
      services: services.length,
      backendStartS,
      catalogS,
      refreshS: refresh.seconds,
      refresh: refresh.outcome,
      asOf: refresh.asOf,
      memory: {
        atStart: memoryAtStart,
        catalogReady: memoryCatalogReady,
        afterRefresh: memoryAfterRefresh,
      },
      storedServices: Number(stored.total),
      storedStatuses,
      localStatuses: local.services,
      unowned: {
        requested: args.fleet.unownedWorkloads ?? 0,
        stored: Number(storedUnowned.total),
        storedStatuses: { ...zeros, ...storedUnowned.byStatus },
        local: local.unowned.total,
        localStatuses: local.unowned.statuses,
      },
      whatIf: {
        windowsPools: whatIfs.windowsPools,
        osSkuRequests: whatIfs.osSku.length,
        taintRequests: whatIfs.taint.length,
        examples: whatIfs.examples,
      },
      comparedEntity: comparedRef,
      comparedClusters: compared.clusters,
      entityBytes: Buffer.byteLength(entityAnswer.text),
      kubernetes: {
        kinds:
          args.kubernetesKinds === 'served'
            ? `${SIMULATOR_SERVED_KINDS.length} kinds the simulator serves, no pod metrics`
            : '13 default kinds and pod metrics (6 kinds and metrics answer 404)',
        apiCallsPerQuery,
        clustersInAnswer: kubernetesItems.length,
        clustersWithObjects: kubernetesItems.filter(item =>
          item.resources?.some(r => r.resources?.length > 0),
        ).length,
        errorsInAnswer: kubernetesItems.reduce(
          (n, item) => n + (item.errors?.length ?? 0),
          0,
        ),
        bytes: Buffer.byteLength(kubernetesAnswer.text),
        firstQueryMs: kubernetesAnswer.ms,
      },
    };

    // 7. The measurements. Warm: every endpoint answered once above or here.
    const pids = { backend: backend.process.pid, simulator: sim.process.pid };
    if (args.profileDir) mkdirSync(args.profileDir, { recursive: true });
    const common = {
      baseUrl,
      token,
      pids,
      timeoutS: args.requestTimeoutS,
    };
    for (const path of [
      `${WR}/v1/report`,
      `${WR}/v1/report?format=csv`,
      `${WR}/v1/workloads`,
      `${WR}/v1/workloads?format=csv`,
    ]) {
      await request(`${baseUrl}${path}`, { token, timeoutMs: 120_000 });
    }
    // One what-if of each kind outside the measured ones.
    for (const warmUp of whatIfs.warmUp) {
      const answer = await request(`${baseUrl}${warmUp.path}`, {
        token,
        body: JSON.parse(warmUp.body!),
        timeoutMs: 120_000,
      });
      if (answer.status !== 200) {
        throw new Error(
          `what-if ${warmUp.body} answered ${
            answer.status
          }: ${answer.text.slice(0, 300)}`,
        );
      }
    }
    progress('waiting for the backend to go idle');
    await waitForIdle(pids.backend, { maxMs: args.drainTimeoutS * 1000 });
    setup.loadAverageBeforeRuns = loadavg()[0];
    const many: LoadRequest[] = shuffled(services, String(args.fleet.seed)).map(
      service => ({ method: 'GET', path: entityPath(service) }),
    );
    const { measure, runs } = createMeasure(args, backend, common);
    await measure('entity endpoint, many entities', {
      name: 'entity-many',
      requests: many,
      connections: args.entityConnections,
      durationS: args.entityDurationS,
    });
    // A steady rate above what the endpoint sustains only measures a queue
    // that grows without end (and leaves the backend minutes of backlog).
    const sustained = runs[runs.length - 1].requestsPerSecond;
    if (args.entityRate > 0 && sustained < args.entityRate) {
      setup.skipped = `steady ${
        args.entityRate
      } req/s skipped: the endpoint sustained ${sustained.toFixed(
        1,
      )} req/s at ${args.entityConnections} connections`;
      progress(setup.skipped);
    } else if (args.entityRate > 0) {
      await measure(
        `entity endpoint, many entities, ${args.entityRate} req/s`,
        {
          name: 'entity-many-rate',
          requests: many,
          connections: args.entityConnections,
          durationS: args.entityDurationS,
          overallRate: args.entityRate,
        },
      );
    }
    await measure('JSON report', {
      name: 'report-json',
      requests: [{ method: 'GET', path: `${WR}/v1/report` }],
      connections: args.reportConnections,
      durationS: args.reportDurationS,
    });
    await measure('CSV report', {
      name: 'report-csv',
      requests: [{ method: 'GET', path: `${WR}/v1/report?format=csv` }],
      connections: args.reportConnections,
      durationS: args.reportDurationS,
    });
    await measureWorkloads(measure, args);
    const same: LoadRequest[] = [{ method: 'GET', path: entityPath(compared) }];
    const kube: LoadRequest[] = [
      { method: 'POST', path: KUBERNETES_QUERY, body: kubernetesBody },
    ];
    for (const connections of [1, args.compareConnections]) {
      await measure(`entity endpoint, ${comparedRef}`, {
        name: `entity-same-c${connections}`,
        requests: same,
        connections,
        durationS: args.compareDurationS,
      });
      await measure(`Kubernetes backend workloads query, ${comparedRef}`, {
        name: `kubernetes-same-c${connections}`,
        requests: kube,
        connections,
        durationS: args.compareDurationS,
      });
    }
    await measureWhatIfs(measure, args, whatIfs);
    setup.memory.afterLoad = (await probeBackend(backend)).memory;
    // Failed requests: keep the logs that say why.
    failed = runs.some(run => run.non2xx + run.errors > 0);
    return buildReport(args, setup, runs);
  } finally {
    progress('stopping the backend and the simulator');
    await stopAll();
    if (args.database === 'postgres') {
      await dropPostgresDatabases(args.postgresUrl, prefix).catch(error =>
        progress(`could not drop ${prefix}* databases: ${error.message}`),
      );
    }
    if (failed || args.keep) {
      progress(
        `kept ${dir} (config, entities, backend.log, simulator.log)${
          failed ? ': some requests failed or the run did not finish' : ''
        }`,
      );
    } else {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
