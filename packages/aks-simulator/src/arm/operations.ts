import { randomUUID } from 'node:crypto';
import type { SimulatorContext } from '../context';
import { json, type Route } from '../http';
import { SimulatorState, type ClusterState } from '../state';
import { armError, armPrecheck } from './armErrors';
import { PROVIDER } from './armModel';
import { ARM_PATHS } from './paths';

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed';

/** An agent pool PUT in flight, as its Azure-AsyncOperation URL reports. */
export interface AgentPoolOperation {
  id: string;
  cluster: ClusterState;
  pool: string;
  /** Polls still to answer InProgress. */
  remainingPolls: number;
  failure?: { code: string; message: string };
  status: OperationStatus;
  startTime: string;
  endTime?: string;
}

/** Operations by id; each poll moves one along. */
export class OperationStore {
  private readonly operations = new Map<string, AgentPoolOperation>();

  start(input: {
    cluster: ClusterState;
    pool: string;
    polls: number;
    failure?: { code: string; message: string };
  }): AgentPoolOperation {
    const operation: AgentPoolOperation = {
      id: randomUUID(),
      cluster: input.cluster,
      pool: input.pool,
      remainingPolls: Math.max(0, input.polls),
      failure: input.failure,
      status: 'InProgress',
      startTime: new Date().toISOString(),
    };
    this.operations.set(operation.id, operation);
    return operation;
  }

  get(id: string): AgentPoolOperation | undefined {
    return this.operations.get(id.toLowerCase());
  }

  /**
   * One poll: InProgress while polls remain, then the outcome, which is also
   * when the pool leaves Creating/Updating.
   */
  poll(operation: AgentPoolOperation): AgentPoolOperation {
    if (operation.status !== 'InProgress') return operation;
    if (operation.remainingPolls > 0) {
      operation.remainingPolls -= 1;
      return operation;
    }
    operation.status = operation.failure ? 'Failed' : 'Succeeded';
    operation.endTime = new Date().toISOString();
    const pool = SimulatorState.pool(operation.cluster, operation.pool);
    if (pool) pool.provisioningState = operation.status;
    operation.cluster.resourceVersion += 1;
    return operation;
  }
}

/** The path of an operation's status, under the cluster's subscription. */
export function operationPath(
  cluster: ClusterState,
  operationId: string,
): string {
  return `/subscriptions/${cluster.arm.subscriptionId}/providers/${PROVIDER}/locations/${cluster.arm.location}/operations/${operationId}`;
}

/** `GET …/locations/{location}/operations/{id}`: the async operation status. */
export function operationRoutes(context: SimulatorContext): Route[] {
  return [
    {
      area: 'arm',
      methods: ['GET'],
      pattern: ARM_PATHS.operation,
      kind: 'arm.operations.get',
      handle: (request, [, , operationId]) => {
        const refused = armPrecheck(request);
        if (refused) return refused;
        const found = context.operations.get(operationId);
        if (!found) {
          return armError(
            404,
            'NotFound',
            `Operation '${operationId}' was not found.`,
          );
        }
        const operation = context.operations.poll(found);
        return json(200, {
          id: operationPath(operation.cluster, operation.id),
          name: operation.id,
          status: operation.status,
          startTime: operation.startTime,
          ...(operation.endTime ? { endTime: operation.endTime } : {}),
          ...(operation.status === 'Failed' && operation.failure
            ? { error: operation.failure }
            : {}),
        });
      },
    },
  ];
}
