import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { ReadinessQueries } from './service/ReadinessQueries';

/** MCP: "which workloads break if pool P gets taint T?", with the caller's read access applied. */
export function registerTaintWhatIfAction(
  actionsRegistry: ActionsRegistryService,
  deps: {
    queries: ReadinessQueries;
    requireReportRead: (credentials: BackstageCredentials) => Promise<void>;
  },
) {
  actionsRegistry.register({
    name: 'windows-readiness-taint-what-if',
    title: 'What a taint on a node pool would break',
    description:
      'Lists the workloads (those no catalog entity maps to included) that can no longer be placed on any pool, lose the pool but keep another, or may start landing on it when a taint is added to or removed from a node pool of an AKS cluster, with their owner and the toleration to add.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      // Exactly one of the two: the what-if itself says so (a 400 in the API).
      input: z =>
        z.object({
          cluster: z.string(),
          pool: z.string(),
          addTaint: z
            .string()
            .optional()
            .describe(
              'Taint to add, key[=value]:Effect, e.g. os=windows:NoSchedule',
            ),
          removeTaint: z
            .string()
            .optional()
            .describe('Taint to remove: a key, or key[=value]:Effect'),
        }),
      output: z =>
        z.object({
          change: z.enum(['add', 'remove']),
          taint: z.string(),
          alreadyApplied: z.boolean(),
          impacted: z.array(
            z.object({
              id: z.string(),
              owner: z.string().optional(),
              services: z.array(z.string()),
              placement: z.enum(['no-pool', 'loses-pool', 'gains-pool']),
              before: z.string(),
              after: z.string(),
              reasons: z.array(z.string()),
              toleration: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await deps.requireReportRead(credentials);
      const answer = await deps.queries.taintWhatIf(input, credentials);
      return {
        output: {
          change: answer.change,
          taint: answer.taint,
          alreadyApplied: answer.alreadyApplied,
          impacted: answer.impacted.map(impact => ({
            id: impact.id,
            ...(impact.owner ? { owner: impact.owner } : {}),
            services: impact.services,
            placement: impact.placement,
            before: impact.before,
            after: impact.after,
            reasons: impact.reasons,
            ...(impact.toleration ? { toleration: impact.toleration } : {}),
          })),
        },
      };
    },
  });
}
