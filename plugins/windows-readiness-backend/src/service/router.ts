import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  type ClustersResponse,
  type EntityReadinessResponse,
  type FailedRefresh,
  type FactsResponse,
  type HistoryResponse,
  type OsSkusResponse,
  type RefreshResponse,
  type ReportResponse,
  type StatusResponse,
  type TaintWhatIfResponse,
  type WhatIfResponse,
  type WorkloadsResponse,
  WORKLOAD_CSV_HEADER,
  windowsReadinessRefreshPermission,
  windowsReadinessReportReadPermission,
  workloadCsvLine,
} from '@winready/plugin-windows-readiness-common';
import express, { type Request, type Response } from 'express';
import Router from 'express-promise-router';
import type { WindowsReadinessStore } from '../store';
import { entityRefFromParts } from './entityRef';
import type { ReadinessQueries } from './ReadinessQueries';
import type { WorkloadQueries } from './WorkloadQueries';
import type { ShardOutcome } from '../refresh/ShardRefresher';
import { combine, type ShardedRefresh } from '../refresh/ShardedRefresh';
import {
  historyQuerySchema,
  noQuerySchema,
  osSkusQuerySchema,
  parseInput,
  reportQuerySchema,
  whatIfBodySchemaOf,
  workloadsQuerySchema,
} from './reportQuery';
import { CSV_HEADER, csvLine } from './reportRow';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  scheduler: SchedulerService;
  logger: LoggerService;
  store: WindowsReadinessStore;
  queries: ReadinessQueries;
  workloads: WorkloadQueries;
  refresh: ShardedRefresh;
  /** `POST /v1/preflight`, with its own body limit (./preflight.ts). */
  preflight?: express.Router;
}

// A shard's service count is over every service: not for every caller.
function withoutCount(
  run: ShardOutcome | FailedRefresh,
): StatusResponse['shards'][number]['last'] {
  if (!('services' in run)) return run;
  const { services: _services, ...rest } = run;
  return rest;
}

/** Streams CSV lines in chunks, so that a large export does not sit in one string. */
async function sendCsv(
  res: Response,
  filename: string,
  header: string,
  lines: Iterable<string>,
) {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.write(header);
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length > 64_000) {
      if (!res.write(chunk)) {
        await new Promise(resolve => res.once('drain', resolve));
      }
      chunk = '';
    }
  }
  res.end(chunk);
}

/** The HTTP API (README, "API and permissions"): only HTTP here, the answers come from ReadinessQueries. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, queries, store } = options;
  const router = Router();
  if (options.preflight) router.use(options.preflight);
  router.use(express.json({ limit: '16kb' }));

  const authorized = async (req: Request, permission: BasicPermission) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  };

  router.get('/v1/entities/:namespace/:kind/:name', async (req, res) => {
    parseInput(noQuerySchema, req.query, 'query');
    const ref = entityRefFromParts(req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      (await queries.entity(
        ref,
        credentials,
      )) satisfies EntityReadinessResponse,
    );
  });

  router.get('/v1/report', async (req, res) => {
    const query = parseInput(reportQuerySchema, req.query, 'query');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    const { etag, ...report } = await queries.report(query, credentials);
    // Same results, same visibility, same query: the client's copy is current.
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (query.format !== 'csv') {
      res.json(report satisfies ReportResponse);
      return;
    }
    await sendCsv(
      res,
      `windows-readiness-${(report.asOf ?? '').slice(0, 10) || 'report'}.csv`,
      CSV_HEADER,
      report.items.map(csvLine),
    );
  });

  router.get('/v1/facts', async (req, res) => {
    parseInput(noQuerySchema, req.query, 'query');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    res.json((await queries.facts(credentials)) satisfies FactsResponse);
  });

  router.get('/v1/history', async (req, res) => {
    const query = parseInput(historyQuerySchema, req.query, 'query');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    // Counts over the services the caller may read (README, "API and permissions").
    const readable = await queries.readableRefs(credentials);
    res.json({
      items: await store.getHistory(query, readable),
    } satisfies HistoryResponse);
  });

  router.get('/v1/clusters', async (req, res) => {
    parseInput(noQuerySchema, req.query, 'query');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    res.json({
      items: await queries.clusters(credentials),
    } satisfies ClustersResponse);
  });

  router.get('/v1/os-skus', async (req, res) => {
    const query = parseInput(osSkusQuerySchema, req.query, 'query');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    res.json(
      (await queries.osSkus(
        query.cluster,
        credentials,
      )) satisfies OsSkusResponse,
    );
  });

  router.post('/v1/what-if', async (req, res) => {
    parseInput(noQuerySchema, req.query, 'query');
    const body = parseInput(whatIfBodySchemaOf(req.body), req.body, 'body');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    res.json(
      ('osSku' in body
        ? await queries.whatIf(body, credentials)
        : await queries.taintWhatIf(body, credentials)) satisfies
        | WhatIfResponse
        | TaintWhatIfResponse,
    );
  });

  // Workloads no catalog entity maps to: cluster data, for holders of report read.
  router.get('/v1/workloads', async (req, res) => {
    const query = parseInput(workloadsQuerySchema, req.query, 'query');
    await authorized(req, windowsReadinessReportReadPermission);
    const answer = await options.workloads.workloads(query);
    if (query.format !== 'csv') {
      res.json(answer satisfies WorkloadsResponse);
      return;
    }
    await sendCsv(
      res,
      `windows-readiness-workloads-${
        (answer.evaluatedAt ?? '').slice(0, 10) || 'now'
      }.csv`,
      WORKLOAD_CSV_HEADER,
      answer.items.map(workloadCsvLine),
    );
  });

  router.post('/v1/refresh', async (req, res) => {
    parseInput(noQuerySchema, req.query, 'query');
    await authorized(req, windowsReadinessRefreshPermission);
    res
      .status(202)
      .json((await options.refresh.trigger()) satisfies RefreshResponse);
  });

  router.get('/v1/status', async (req, res) => {
    parseInput(noQuerySchema, req.query, 'query');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    const [shards, evaluatedAt, asOf, clusters, readableServices] =
      await Promise.all([
        options.refresh.shardStates(),
        store.getLastEvaluatedAt(),
        store.getLastAsOf(),
        store.listClusterStates(),
        queries.readableServiceCount(credentials),
      ]);
    const refresh = combine(shards);
    const last = refresh.last;
    res.json({
      lastRefresh:
        last && 'services' in last && readableServices !== undefined
          ? { ...last, services: readableServices }
          : last ?? null,
      running: refresh.running ?? null,
      evaluatedAt: evaluatedAt ?? null,
      asOf: asOf ?? null,
      clusters: clusters.length,
      staleClusters: clusters.filter(c => c.stale).map(c => c.name),
      // Each shard's latest run: which replica ran it, and how it went.
      shards: shards.map(({ shard, running, last: run }) => ({
        shard: shard + 1,
        running: running ?? null,
        last: run ? withoutCount(run) : null,
      })),
    } satisfies StatusResponse);
  });

  return router;
}
