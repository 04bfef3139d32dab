import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseUserEntityRef } from './service/entityRef';
import type { ReadinessQueries } from './service/ReadinessQueries';
import { windowsReadinessReportReadPermission } from '@winready/plugin-windows-readiness-common';
import type {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { NotAllowedError } from '@backstage/errors';
import { registerBreakingServicesAction } from './breakingServicesAction';
import { registerTaintWhatIfAction } from './taintWhatIfAction';

/** Actions for MCP clients: the same answers as the API, the same permissions. */
export function registerActions(
  actionsRegistry: ActionsRegistryService,
  queries: ReadinessQueries,
  permissions: PermissionsService,
  userInfo: UserInfoService,
) {
  const requireReportRead = async (credentials: BackstageCredentials) => {
    const [decision] = await permissions.authorize(
      [{ permission: windowsReadinessReportReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${windowsReadinessReportReadPermission.name}`,
      );
    }
  };

  actionsRegistry.register({
    name: 'get-entity-windows-readiness',
    title: 'Windows readiness of a catalog entity',
    description:
      'Whether the Windows containers of a service will start on the AKS node pools they can land on, with the failing checks, their evidence and the fix.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('Entity ref, e.g. component:default/payments'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          status: z.string(),
          checks: z.array(
            z.object({
              id: z.string(),
              result: z.string(),
              message: z.string(),
              remediation: z.string().optional(),
            }),
          ),
          evaluatedAt: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = parseUserEntityRef(input.entityRef, 'entityRef');
      const stored = await queries.entity(ref, credentials);
      return {
        output: {
          entityRef: ref,
          status: stored.status,
          checks: stored.result.checks.map(check => ({
            id: check.id,
            result: check.result,
            message: check.message,
            ...(check.remediation
              ? {
                  remediation: [
                    check.remediation.summary,
                    check.remediation.snippet,
                  ]
                    .filter(Boolean)
                    .join('\n'),
                }
              : {}),
          })),
          evaluatedAt: stored.evaluatedAt,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'windows-readiness-what-if',
    title: 'What breaks if a node pool moves to another Windows Server',
    description:
      'Lists the services whose Windows readiness gets worse when a node pool of an AKS cluster runs another OS SKU (e.g. Windows2022 to Windows2025).',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          cluster: z.string(),
          pool: z.string(),
          osSku: z.string().describe('Target OS SKU, e.g. Windows2025'),
        }),
      output: z =>
        z.object({
          fromOsSku: z.string().nullable(),
          toOsSku: z.string(),
          impacted: z.array(
            z.object({
              id: z.string(),
              before: z.string(),
              after: z.string(),
              reasons: z.array(z.string()),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await requireReportRead(credentials);
      const answer = await queries.whatIf(input, credentials);
      return {
        output: {
          fromOsSku: answer.fromOsSku,
          toOsSku: answer.toOsSku,
          impacted: answer.impacted,
        },
      };
    },
  });

  registerTaintWhatIfAction(actionsRegistry, { queries, requireReportRead });

  registerBreakingServicesAction(actionsRegistry, {
    queries,
    userInfo,
    requireReportRead,
  });
}
