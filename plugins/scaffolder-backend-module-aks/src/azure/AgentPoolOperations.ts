import {
  ContainerServiceClient,
  type AgentPool,
  type ManagedCluster,
} from '@azure/arm-containerservice';
import type { TokenCredential } from '@azure/core-auth';
import { NotFoundError } from '@backstage/errors';
import { armClientOptions } from '@winready/plugin-windows-readiness-node';
import type {
  ClusterCoordinates,
  NodePoolSpec,
} from '../nodePool/nodePoolSpec';
import { toAgentPool } from '../nodePool/nodePoolSpec';

/** What a poll of a pool operation says, for the task log. */
export interface PoolProgress {
  status: string;
  elapsedMs: number;
}

export interface AgentPoolOperationsOptions {
  credential: TokenCredential;
  armEndpoint: string;
  /** PEM of an extra CA to trust (the AKS simulator's). */
  caPem?: string;
  /** How often to poll a long-running operation. */
  pollIntervalMs: number;
}

function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 404;
}

const IN_PROGRESS = ['Creating', 'Updating', 'Scaling', 'Upgrading'];

/** The ARM calls of the node pool action, through `@azure/arm-containerservice`. */
export class AgentPoolOperations {
  private readonly clients = new Map<string, ContainerServiceClient>();

  constructor(private readonly options: AgentPoolOperationsOptions) {}

  private client(subscriptionId: string): ContainerServiceClient {
    let client = this.clients.get(subscriptionId);
    if (!client) {
      client = new ContainerServiceClient(
        this.options.credential,
        subscriptionId,
        armClientOptions(this.options.armEndpoint, this.options.caPem),
      );
      this.clients.set(subscriptionId, client);
    }
    return client;
  }

  /** The cluster, or a NotFoundError that says where it was looked for. */
  async getCluster(
    at: ClusterCoordinates,
    abortSignal?: AbortSignal,
  ): Promise<ManagedCluster> {
    try {
      return await this.client(at.subscriptionId).managedClusters.get(
        at.resourceGroup,
        at.cluster,
        { abortSignal },
      );
    } catch (error) {
      if (isNotFound(error)) {
        throw new NotFoundError(
          `No AKS cluster named ${at.cluster} in resource group ${at.resourceGroup} of subscription ${at.subscriptionId}.`,
        );
      }
      throw new Error(
        `Reading cluster ${at.cluster} from ARM failed: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** The pool, or undefined when the cluster has none of that name. */
  async getPool(
    at: ClusterCoordinates,
    name: string,
    abortSignal?: AbortSignal,
  ): Promise<AgentPool | undefined> {
    try {
      return await this.client(at.subscriptionId).agentPools.get(
        at.resourceGroup,
        at.cluster,
        name,
        { abortSignal },
      );
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * PUTs the pool and waits for the long-running operation, reporting each
   * poll. `onlyIfAbsent` sends If-None-Match: * so that a pool someone else
   * created meanwhile is never overwritten.
   */
  async createOrUpdate(
    spec: NodePoolSpec,
    onProgress: (progress: PoolProgress) => void,
    options: { onlyIfAbsent: boolean; abortSignal?: AbortSignal },
  ): Promise<AgentPool> {
    const { abortSignal } = options;
    const started = Date.now();
    // createOrUpdate is the SDK's non-deprecated beginCreateOrUpdate.
    const poller = this.client(spec.subscriptionId).agentPools.createOrUpdate(
      spec.resourceGroup,
      spec.cluster,
      spec.name,
      toAgentPool(spec),
      {
        abortSignal,
        updateIntervalInMs: this.options.pollIntervalMs,
        ...(options.onlyIfAbsent ? { ifNoneMatch: '*' } : {}),
      },
    );
    poller.onProgress(state => {
      onProgress({
        status: state.status,
        elapsedMs: Date.now() - started,
      });
    });
    return poller.pollUntilDone({ abortSignal });
  }

  /** Waits for a pool someone else is creating or updating to settle. */
  async waitUntilSettled(
    at: ClusterCoordinates,
    name: string,
    onProgress: (progress: PoolProgress) => void,
    abortSignal?: AbortSignal,
  ): Promise<AgentPool | undefined> {
    const started = Date.now();
    for (;;) {
      const pool = await this.getPool(at, name, abortSignal);
      const state = pool?.provisioningState ?? 'Deleted';
      if (!pool || !IN_PROGRESS.includes(state)) return pool;
      onProgress({ status: state, elapsedMs: Date.now() - started });
      await new Promise(resolve =>
        setTimeout(resolve, this.options.pollIntervalMs),
      );
      abortSignal?.throwIfAborted();
    }
  }
}
