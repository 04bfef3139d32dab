import { ConflictError } from '@backstage/errors';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AgentPoolOperations,
  PoolProgress,
} from '../azure/AgentPoolOperations';
import type { NodePoolSpec } from '../nodePool/nodePoolSpec';
import { specDifferences } from '../nodePool/specDifferences';
import { agentPoolResourceId } from '../azure/portalLink';

// A type, not an interface: checkpoints store JSON values.
export type EnsuredNodePool = {
  poolId: string;
  /** False when an identical pool was already there. */
  created: boolean;
};

function progressLogger(logger: LoggerService, spec: NodePoolSpec) {
  return ({ status, elapsedMs }: PoolProgress) =>
    logger.info(
      `Node pool "${spec.name}" in ${spec.cluster}: ${status} (${Math.round(
        elapsedMs / 1000,
      )} s)`,
    );
}

/**
 * Makes the pool exist with this spec: an identical pool is left alone (a
 * re-run succeeds), a different one is refused with the differences, a pool
 * still being created is waited for, a failed one is put again.
 */
export async function ensureNodePool(
  operations: AgentPoolOperations,
  spec: NodePoolSpec,
  logger: LoggerService,
  abortSignal?: AbortSignal,
): Promise<EnsuredNodePool> {
  const onProgress = progressLogger(logger, spec);
  let existing = await operations.waitUntilSettled(
    spec,
    spec.name,
    onProgress,
    abortSignal,
  );
  if (existing) {
    const differences = specDifferences(spec, existing);
    if (differences.length > 0) {
      throw new ConflictError(
        `Cluster ${spec.cluster} already has a pool named "${
          spec.name
        }" that differs from the request:\n- ${differences.join(
          '\n- ',
        )}\nChoose another name, or change the pool itself.`,
      );
    }
    if (existing.provisioningState !== 'Failed') {
      logger.info(
        `Node pool "${spec.name}" already exists with this spec (${existing.provisioningState}); nothing to do.`,
      );
      return {
        poolId: existing.id ?? agentPoolResourceId(spec),
        created: false,
      };
    }
    logger.warn(
      `Node pool "${spec.name}" exists but its last operation failed; putting it again.`,
    );
  }
  try {
    existing = await operations.createOrUpdate(spec, onProgress, {
      onlyIfAbsent: !existing,
      abortSignal,
    });
  } catch (error) {
    throw new Error(
      `Creating node pool "${spec.name}" in cluster ${spec.cluster} failed: ${
        (error as Error).message
      }`,
    );
  }
  logger.info(
    `Node pool "${spec.name}" is ${existing.provisioningState ?? 'ready'}.`,
  );
  return { poolId: existing.id ?? agentPoolResourceId(spec), created: true };
}
