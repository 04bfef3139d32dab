import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  windowsReadinessRefreshPermission,
  windowsReadinessReportReadPermission,
} from '@winready/plugin-windows-readiness-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import type { WindowsReadinessStore } from '../store';
import type { ReadinessQueries } from './ReadinessQueries';
import type { ReadinessRefresher } from './ReadinessRefresher';
import {
  historyQuerySchema,
  osSkusQuerySchema,
  parseInput,
  reportQuerySchema,
  whatIfBodySchema,
} from './reportQuery';
import { CSV_HEADER, csvLine } from './reportRow';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  scheduler: SchedulerService;
  logger: LoggerService;
  store: WindowsReadinessStore;
  queries: ReadinessQueries;
  refresher: ReadinessRefresher;
  refreshTaskId: string;
}

const ENTITY_PART = /^[A-Za-z0-9][-A-Za-z0-9_.:]{0,252}$/;

/** The HTTP API of DESIGN.md: only HTTP here, the answers come from ReadinessQueries. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, queries, store } = options;
  const router = Router();
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
    const { namespace, kind, name } = req.params;
    for (const [param, value] of Object.entries({ namespace, kind, name })) {
      if (!ENTITY_PART.test(value)) {
        throw new InputError(
          `path parameter '${param}' is not a valid entity ${param}`,
        );
      }
    }
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const ref = stringifyEntityRef({ kind, namespace, name });
    res.json(await queries.entity(ref, credentials));
  });

  router.get('/v1/report', async (req, res) => {
    const query = parseInput(reportQuerySchema, req.query, 'query');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    const report = await queries.report(query, credentials);
    if (query.format !== 'csv') {
      res.json(report);
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="windows-readiness-${
        (report.asOf ?? '').slice(0, 10) || 'report'
      }.csv"`,
    );
    // Streamed in chunks so that a large report does not sit in one string.
    res.write(CSV_HEADER);
    let chunk = '';
    for (const row of report.items) {
      chunk += csvLine(row);
      if (chunk.length > 64_000) {
        if (!res.write(chunk)) {
          await new Promise(resolve => res.once('drain', resolve));
        }
        chunk = '';
      }
    }
    res.end(chunk);
  });

  router.get('/v1/history', async (req, res) => {
    const query = parseInput(historyQuerySchema, req.query, 'query');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    // Counts over the services the caller may read (DESIGN.md, Backend API).
    const readable = await queries.readableRefs(credentials);
    res.json({ items: await store.getHistory(query, readable) });
  });

  router.get('/v1/clusters', async (req, res) => {
    await authorized(req, windowsReadinessReportReadPermission);
    res.json({ items: await queries.clusters() });
  });

  router.get('/v1/os-skus', async (req, res) => {
    const query = parseInput(osSkusQuerySchema, req.query, 'query');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    res.json(await queries.osSkus(query.cluster, credentials));
  });

  router.post('/v1/what-if', async (req, res) => {
    const body = parseInput(whatIfBodySchema, req.body, 'body');
    const credentials = await authorized(
      req,
      windowsReadinessReportReadPermission,
    );
    res.json(await queries.whatIf(body, credentials));
  });

  router.post('/v1/refresh', async (req, res) => {
    await authorized(req, windowsReadinessRefreshPermission);
    try {
      await options.scheduler.triggerTask(options.refreshTaskId);
    } catch (error) {
      if ((error as Error).name === 'ConflictError') {
        throw new ConflictError('A refresh is already running');
      }
      throw error;
    }
    res.status(202).json({ status: 'triggered' });
  });

  router.get('/v1/status', async (req, res) => {
    await authorized(req, windowsReadinessReportReadPermission);
    const [lastRefresh, evaluatedAt, asOf, clusters] = await Promise.all([
      options.refresher.lastOutcome(),
      store.getLastEvaluatedAt(),
      store.getLastAsOf(),
      queries.clusters(),
    ]);
    res.json({
      lastRefresh: lastRefresh ?? null,
      evaluatedAt: evaluatedAt ?? null,
      asOf: asOf ?? null,
      clusters: clusters.length,
      staleClusters: clusters.filter(c => c.stale).map(c => c.name),
    });
  });

  return router;
}
