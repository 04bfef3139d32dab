import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  checkManifests,
  formatPath,
  ManifestError,
  ManifestLimitError,
  manifestImages,
  parseManifests,
  windowsReadinessPreflightPermission,
  type OsSkuTable,
  type ManifestDocument,
} from '@winready/plugin-windows-readiness-common';
import express, { type RequestHandler } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { WindowsReadinessStore } from '../store';

/** `windowsReadiness.preflight`: how much one check may send. */
export interface PreflightLimits {
  /** Bytes of the JSON body; above it, 413. */
  maxBodyBytes: number;
  /** YAML documents over all manifests; above it, 400 before any is judged. */
  maxDocuments: number;
}

export interface PreflightRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The one store read a check makes: easy to move when the store changes. */
  store: Pick<WindowsReadinessStore, 'loadClusterForCheck'>;
  osSkus: OsSkuTable;
  retirementWarningDays: number;
  now: () => Date;
  limits: PreflightLimits;
}

class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError';
  statusCode = 413;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function bodySchema(limits: PreflightLimits) {
  return z
    .object({
      cluster: z.string().min(1).max(255),
      manifests: z
        .array(
          z
            .object({
              path: z.string().min(1).max(1024).optional(),
              content: z.string(),
            })
            .strict(),
        )
        .min(1, 'at least one manifest')
        .max(limits.maxDocuments),
      at: z
        .string()
        .refine(
          at =>
            !Number.isNaN(Date.parse(DAY.test(at) ? `${at}T00:00:00Z` : at)),
          {
            error: 'expected YYYY-MM-DD or an ISO instant',
          },
        )
        .optional(),
    })
    .strict();
}

function parseBody(schema: ReturnType<typeof bodySchema>, body: unknown) {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues
      .slice(0, 10)
      .map(issue =>
        issue.code === 'unrecognized_keys'
          ? `unknown body field(s): ${issue.keys.join(', ')}`
          : `body field '${formatPath(issue.path) || 'body'}': ${
              issue.message
            }`,
      )
      .join('; '),
  );
}

function parse(
  manifests: Array<{ path?: string; content: string }>,
  maxDocuments: number,
): ManifestDocument[] {
  try {
    return parseManifests(
      manifests.map((manifest, index) => ({
        path: manifest.path ?? `manifests[${index}]`,
        content: manifest.content,
      })),
      { maxDocuments },
    );
  } catch (error) {
    if (error instanceof ManifestError || error instanceof ManifestLimitError) {
      throw new InputError(error.message);
    }
    throw error;
  }
}

/**
 * `POST /v1/preflight`: manifests judged against one cluster's stored pools
 * and the stored records of their images, with the rules of the evaluation;
 * the answer is `winready check --format json`'s. Nothing is stored.
 */
export function createPreflightRouter(
  options: PreflightRouterOptions,
): express.Router {
  const { limits } = options;
  const schema = bodySchema(limits);
  const router = Router();

  // Who may ask is settled before the body is read.
  const authorize: RequestHandler = async (req, _res, next) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await options.permissions.authorize(
      [{ permission: windowsReadinessPreflightPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${windowsReadinessPreflightPermission.name}`,
      );
    }
    next();
  };

  const json = express.json({ limit: limits.maxBodyBytes });
  const readBody: RequestHandler = (req, res, next) => {
    if (!req.is('application/json')) {
      next(new InputError('send the body as application/json'));
      return;
    }
    json(req, res, (error?: any) => {
      if (error?.type === 'entity.too.large') {
        next(
          new PayloadTooLargeError(
            `the body is larger than ${limits.maxBodyBytes} bytes: check fewer manifests at a time`,
          ),
        );
      } else if (error) {
        next(new InputError(`the body is not valid JSON: ${error.message}`));
      } else {
        next();
      }
    });
  };

  router.post('/v1/preflight', authorize, readBody, async (req, res) => {
    const body = parseBody(schema, req.body);
    const documents = parse(body.manifests, limits.maxDocuments);
    const { cluster, images } = await options.store.loadClusterForCheck(
      body.cluster,
      manifestImages(documents),
    );
    if (!cluster) {
      throw new NotFoundError(
        `No collected cluster is named "${body.cluster}"`,
      );
    }
    if (!cluster.collectedAt) {
      throw new ServiceUnavailableError(
        `Cluster "${body.cluster}" has not been collected successfully yet`,
      );
    }
    const at = body.at ?? undefined;
    res.json(
      checkManifests(documents, cluster, {
        images,
        asOf: at
          ? new Date(DAY.test(at) ? `${at}T00:00:00Z` : at)
          : options.now(),
        osSkus: options.osSkus,
        retirementWarningDays: options.retirementWarningDays,
        stale: cluster.stale ?? false,
      }),
    );
  });
  return router;
}
