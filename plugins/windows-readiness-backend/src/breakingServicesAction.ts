import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  SERVICE_STATUSES,
  breakReasons,
  breakingServices,
  type ServiceStatus,
} from '@winready/plugin-windows-readiness-common';
import { parseUserEntityRef } from './service/entityRef';
import type { ReadinessQueries } from './service/ReadinessQueries';

/**
 * The MCP action for "which of my services will break in the next 90
 * days?": services by status and retirement date, over the services the
 * caller may read.
 */
export function registerBreakingServicesAction(
  actionsRegistry: ActionsRegistryService,
  deps: {
    queries: ReadinessQueries;
    userInfo: UserInfoService;
    requireReportRead: (credentials: BackstageCredentials) => Promise<void>;
  },
) {
  const owners = async (
    input: { owner?: string; mine?: boolean },
    credentials: BackstageCredentials,
  ): Promise<string[] | undefined> => {
    if (input.owner !== undefined && input.mine) {
      throw new InputError('Give either owner or mine, not both');
    }
    if (input.owner !== undefined) {
      const ref = parseUserEntityRef(
        input.owner.includes(':') ? input.owner : `group:${input.owner}`,
        'owner',
      );
      return [ref];
    }
    if (!input.mine) return undefined;
    if ((credentials.principal as { type?: string }).type !== 'user') {
      throw new InputError('mine needs a signed-in user');
    }
    return (await deps.userInfo.getUserInfo(credentials)).ownershipEntityRefs;
  };

  actionsRegistry.register({
    name: 'list-windows-readiness-services',
    title: 'Services that will break: by status and retirement date',
    description:
      'Lists services with their Windows readiness status and the earliest retirement and node image deletion date of the AKS node pools they run on, most urgent first (blocked, then the soonest date). For "which of my services will break in the next 90 days?" pass mine: true and withinDays: 90.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          withinDays: z
            .number()
            .int()
            .min(0)
            .max(3650)
            .optional()
            .describe(
              'Only services that are blocked, or run on a node pool that retires or has its node images deleted within this many days (or already has)',
            ),
          status: z
            .array(
              z.enum(SERVICE_STATUSES as [ServiceStatus, ...ServiceStatus[]]),
            )
            .optional()
            .describe('Only these statuses'),
          owner: z
            .string()
            .optional()
            .describe('Owner entity ref, e.g. group:default/team-orders'),
          mine: z
            .boolean()
            .optional()
            .describe(
              "Only services owned by the caller or the caller's groups",
            ),
          limit: z.number().int().min(1).max(1000).optional(),
        }),
      output: z =>
        z.object({
          asOf: z.string().optional(),
          total: z.number(),
          items: z.array(
            z.object({
              entityRef: z.string(),
              owner: z.string().optional(),
              status: z.string(),
              failingChecks: z.array(z.string()),
              earliestRetirementDate: z.string().nullable(),
              daysUntilRetirement: z.number().nullable(),
              earliestImageDeletionDate: z.string().nullable(),
              daysUntilImageDeletion: z.number().nullable(),
              survivesNextOsSku: z.boolean().nullable(),
              reasons: z.array(z.string()),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await deps.requireReportRead(credentials);
      const [facts, ownedBy] = await Promise.all([
        deps.queries.facts(credentials),
        owners(input, credentials),
      ]);
      const asOf = facts.asOf ? new Date(facts.asOf) : new Date();
      const kept = breakingServices(facts.items, {
        withinDays: input.withinDays,
        statuses: input.status,
        owners: ownedBy,
      });
      return {
        output: {
          ...(facts.asOf ? { asOf: facts.asOf } : {}),
          total: kept.length,
          items: kept.slice(0, input.limit ?? 100).map(item => ({
            entityRef: item.entityRef,
            ...(item.owner ? { owner: item.owner } : {}),
            status: item.status,
            failingChecks: item.failingChecks,
            earliestRetirementDate: item.earliestRetirementDate,
            daysUntilRetirement: item.daysUntilRetirement,
            earliestImageDeletionDate: item.earliestImageDeletionDate,
            daysUntilImageDeletion: item.daysUntilImageDeletion,
            survivesNextOsSku: item.survivesNextOsSku,
            reasons: breakReasons(item, asOf, input.withinDays),
          })),
        },
      };
    },
  });
}
