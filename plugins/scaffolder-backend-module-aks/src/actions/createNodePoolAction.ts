import { InputError } from '@backstage/errors';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { OsSkuTable } from '@winready/plugin-windows-readiness-common';
import type { AgentPoolOperations } from '../azure/AgentPoolOperations';
import { agentPoolResourceId, portalLink } from '../azure/portalLink';
import type { NodePoolRequest, NodePoolSpec } from '../nodePool/nodePoolSpec';
import { taintWhatIfPath } from '../nodePool/taintWhatIfLink';
import { validateNodePool } from '../nodePool/validateNodePool';
import { workloadPlacement } from '../nodePool/workloadPlacement';
import { ensureNodePool, type EnsuredNodePool } from './ensureNodePool';
import { EXAMPLES } from './createNodePoolAction.examples';

export const CREATE_NODE_POOL_ACTION_ID = 'aks:nodepool:create';

// The schema's defaults, which the handler applies itself (see below).
const DEFAULT_OS_SKU = 'Windows2022';
const DEFAULT_VM_SIZE = 'Standard_D4s_v5';

export interface CreateNodePoolActionOptions {
  /** Undefined when `windowsReadiness.azure` is not configured: only dry runs work. */
  operations?: AgentPoolOperations;
  osSkus: OsSkuTable;
}

function logSpec(logger: LoggerService, spec: NodePoolSpec, verb: string) {
  const size = spec.autoscaling
    ? `${spec.autoscaling.minCount}-${spec.autoscaling.maxCount} nodes (autoscaling)`
    : `${spec.count} node(s)`;
  logger.info(
    `${verb} ${spec.osType} pool "${spec.name}" in cluster ${spec.cluster} (${
      spec.resourceGroup
    }): ${spec.osSku}, ${spec.vmSize}, ${size}, mode ${
      spec.mode
    }, taints [${spec.taints.join(', ')}]`,
  );
}

/** `aks:nodepool:create`: a validated, idempotent agent pool PUT. */
export function createNodePoolAction(options: CreateNodePoolActionOptions) {
  return createTemplateAction({
    id: CREATE_NODE_POOL_ACTION_ID,
    description:
      'Creates an AKS node pool (a correctly tainted Windows pool by default) after checking name, mode, OS SKU against the Kubernetes version, taints and sizes; outputs the YAML workloads need to land on it.',
    examples: EXAMPLES,
    supportsDryRun: true,
    schema: {
      input: {
        subscriptionId: z =>
          z.string().min(1).describe('Azure subscription id of the cluster'),
        resourceGroup: z =>
          z.string().min(1).describe('Resource group of the cluster'),
        cluster: z => z.string().min(1).describe('AKS cluster name'),
        name: z =>
          z
            .string()
            .describe(
              'Pool name: Windows 1-6, others 1-12 lowercase letters and digits',
            ),
        osSku: z =>
          z
            .string()
            .default(DEFAULT_OS_SKU)
            .describe('ARM osSKU, e.g. Windows2022, Windows2025, Ubuntu'),
        osType: z =>
          z
            .enum(['Windows', 'Linux'])
            .optional()
            .describe('Derived from the OS SKU when omitted'),
        mode: z =>
          z
            .enum(['User', 'System'])
            .optional()
            .describe('User (default); Windows pools must be User'),
        vmSize: z => z.string().default(DEFAULT_VM_SIZE),
        count: z =>
          z
            .number()
            .optional()
            .describe('Node count (without autoscaling: default 1)'),
        enableAutoScaling: z => z.boolean().optional(),
        minCount: z => z.number().optional(),
        maxCount: z => z.number().optional(),
        taints: z =>
          z.array(z.string()).default([]).describe('key=value:Effect'),
        labels: z => z.record(z.string(), z.string()).default({}),
        kubernetesVersion: z =>
          z
            .string()
            .optional()
            .describe(
              "The pool's Kubernetes version; the cluster's when omitted",
            ),
        clusterKubernetesVersion: z =>
          z
            .string()
            .optional()
            .describe(
              'The cluster version as the portal knows it: lets a dry run check the OS SKU without calling Azure',
            ),
        existingPoolNames: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              "The cluster's pools as the portal last saw them: lets a dry run refuse a taken name",
            ),
        maxPods: z => z.number().optional(),
        availabilityZones: z => z.array(z.string()).optional(),
        dryRun: z =>
          z
            .boolean()
            .optional()
            .describe('Validate and report only, as in a scaffolder dry run'),
      },
      output: {
        poolId: z => z.string(),
        portalUrl: z => z.string(),
        created: z =>
          z
            .boolean()
            .describe(
              'False when an identical pool already existed, or in a dry run',
            ),
        dryRun: z => z.boolean(),
        windowsBuild: z => z.string().optional(),
        workloadYaml: z =>
          z
            .string()
            .describe('nodeSelector and tolerations for the pod template'),
        runtimeClassName: z => z.string().optional(),
        runtimeClassYaml: z => z.string().optional(),
        taintWhatIfUrl: z =>
          z
            .string()
            .describe(
              "App path of the Windows readiness taint what-if of the pool's NoSchedule/NoExecute taint: which workloads need its toleration",
            ),
      },
    },
    async handler(ctx) {
      const { input, logger } = ctx;
      const dryRun = !!(ctx.isDryRun || input.dryRun);
      // The scaffolder checks the input against the JSON schema but does not
      // apply the zod defaults; template expressions render empty fields as "".
      const request: NodePoolRequest = {
        ...input,
        osSku: input.osSku ?? DEFAULT_OS_SKU,
        vmSize: input.vmSize ?? DEFAULT_VM_SIZE,
        taints: input.taints ?? [],
        labels: input.labels ?? {},
        kubernetesVersion: input.kubernetesVersion || undefined,
      };
      // A dry run checks what the portal knows; a real run asks ARM.
      let validation = validateNodePool(request, {
        osSkus: options.osSkus,
        ...(dryRun
          ? {
              clusterKubernetesVersion:
                input.clusterKubernetesVersion || undefined,
              existingPoolNames: input.existingPoolNames,
            }
          : {}),
      });
      if (validation.problems.length === 0 && !dryRun) {
        if (!options.operations) {
          throw new InputError(
            'aks:nodepool:create needs windowsReadiness.azure in the app config to call Azure; only dry runs work without it.',
          );
        }
        // Again, against the version the cluster runs, not what the form said.
        const cluster = await options.operations.getCluster(input, ctx.signal);
        validation = validateNodePool(request, {
          osSkus: options.osSkus,
          clusterKubernetesVersion:
            cluster.currentKubernetesVersion ?? cluster.kubernetesVersion,
        });
      }
      for (const note of validation.notes) logger.warn(note);
      const spec = validation.spec;
      if (validation.problems.length > 0 || !spec) {
        throw new InputError(
          `The node pool "${
            input.name
          }" cannot be created:\n- ${validation.problems.join('\n- ')}`,
        );
      }

      const placement = workloadPlacement(spec, options.osSkus);
      let poolId = agentPoolResourceId(spec);
      let created = false;
      if (dryRun) {
        logSpec(logger, spec, 'Dry run: would create');
        logger.info(
          input.existingPoolNames
            ? "Dry run: Azure was not called; the name was checked against the cluster's pools as the portal last saw them."
            : 'Dry run: Azure was not called; the name is not checked against existing pools.',
        );
      } else {
        logSpec(logger, spec, 'Creating');
        const outcome = await ctx.checkpoint<EnsuredNodePool>({
          key: `aks-nodepool-${spec.subscriptionId}-${spec.resourceGroup}-${spec.cluster}-${spec.name}`,
          fn: () =>
            ensureNodePool(options.operations!, spec, logger, ctx.signal),
        });
        poolId = outcome.poolId;
        created = outcome.created;
      }
      ctx.output('poolId', poolId);
      ctx.output('portalUrl', portalLink(poolId));
      ctx.output('created', created);
      ctx.output('dryRun', dryRun);
      ctx.output('workloadYaml', placement.workloadYaml);
      ctx.output('taintWhatIfUrl', taintWhatIfPath(spec));
      if (placement.windowsBuild)
        ctx.output('windowsBuild', placement.windowsBuild);
      if (placement.runtimeClassName) {
        ctx.output('runtimeClassName', placement.runtimeClassName);
        ctx.output('runtimeClassYaml', placement.runtimeClassYaml!);
      }
    },
  });
}
