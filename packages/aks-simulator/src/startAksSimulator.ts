import { randomBytes } from 'node:crypto';
import https from 'node:https';
import type { Socket } from 'node:net';
import {
  buildOsSkuTable,
  type Fleet,
  type NodePool,
} from '@winready/plugin-windows-readiness-common';
import { agentPoolRoutes } from './arm/agentPools';
import { credentialRoutes } from './arm/credentials';
import { managedClusterRoutes } from './arm/managedClusters';
import { OperationStore, operationRoutes } from './arm/operations';
import type { ResolvedOptions, SimulatorContext } from './context';
import { controlRoutes } from './control';
import { FaultRegistry, type Fault, type FaultTarget } from './faults';
import { isLoopback, Router } from './http';
import { kubernetesRoutes } from './kubernetes/api';
import { buildKubeconfig } from './kubeconfig';
import { registryRoutes } from './registry/api';
import { RegistryAuth } from './registry/auth';
import { RegistryCatalog } from './registry/catalog';
import { createHandler, PendingWork } from './server';
import { SimulatorState } from './state';
import { createSimulatorCertificate } from './tls';

export interface SimulatorOptions {
  fleet: Fleet;
  /** Default 127.0.0.1; anything that is not loopback is refused. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
  /** ARM agentPools list page size; default 100; nextLink paging beyond it. */
  agentPoolPageSize?: number;
  /** ARM managedClusters list page size; default 100. */
  managedClusterPageSize?: number;
  /** Cap on the Kubernetes `limit` parameter; default 500. */
  kubernetesPageLimitMax?: number;
  /** The bearer token the Kubernetes API requires; default random. */
  kubernetesToken?: string;
  /** Default 'anonymous'. */
  registryAuth?: 'anonymous' | 'basic' | 'bearer';
  /** For basic auth and the bearer token endpoint; without it any non-empty pair passes. */
  registryCredentials?: { username: string; password: string };
  /** How many polls an agent pool PUT stays InProgress; default 2. */
  asyncOperationPolls?: number;
  /** The first agent pool PUT's operation fails with this error. */
  failNextAgentPoolCreate?: { code: string; message: string };
  /** No request log on stderr. */
  quiet?: boolean;
}

export interface RunningSimulator {
  /** `https://127.0.0.1:PORT`: one HTTPS server for ARM, Kubernetes and the registry. */
  url: string;
  /** Same as url. */
  armEndpoint: string;
  /** The self-signed certificate (IP:127.0.0.1, DNS:localhost) to trust. */
  caPem: string;
  kubernetesToken: string;
  /** `${url}/clusters/${cluster}`: the Kubernetes API of that cluster. */
  kubernetesServer(cluster: string): string;
  /** A kubeconfig YAML (server, certificate-authority-data, token). */
  kubeconfig(cluster: string): string;
  /** `${url}`: OCI distribution API at /v2/, the image's host in `ns`. */
  registryEndpoint: string;
  setFault(target: FaultTarget, fault: Fault | undefined): void;
  /** By kind, e.g. `arm.agentPools.list`, `kubernetes.pods.list`, `registry.manifests`. */
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
  /** The next agent pool PUT's async operation ends Failed with this error. */
  failNextAgentPoolOperation(code: string, message: string): void;
  /** The current pools of a cluster (PUTs change them). */
  agentPools(cluster: string): NodePool[];
  stop(): Promise<void>;
}

function positive(name: string, value: number | undefined, fallback: number) {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < 1) {
    throw new Error(`${name} must be a positive integer, got ${value}`);
  }
  return result;
}

function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const polls = options.asyncOperationPolls ?? 2;
  if (!Number.isInteger(polls) || polls < 0) {
    throw new Error(
      `asyncOperationPolls must be an integer >= 0, got ${polls}`,
    );
  }
  return {
    agentPoolPageSize: positive(
      'agentPoolPageSize',
      options.agentPoolPageSize,
      100,
    ),
    managedClusterPageSize: positive(
      'managedClusterPageSize',
      options.managedClusterPageSize,
      100,
    ),
    kubernetesPageLimitMax: positive(
      'kubernetesPageLimitMax',
      options.kubernetesPageLimitMax,
      500,
    ),
    kubernetesToken:
      options.kubernetesToken || randomBytes(24).toString('base64url'),
    registryAuth: options.registryAuth ?? 'anonymous',
    registryCredentials: options.registryCredentials,
    asyncOperationPolls: polls,
  };
}

/** Starts the simulator on loopback HTTPS; resolves once it listens. */
export async function startAksSimulator(
  options: SimulatorOptions,
): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new Error(`aks-simulator listens on loopback only, not on ${host}`);
  }
  const resolved = resolveOptions(options);
  const certificate = await createSimulatorCertificate();
  const state = new SimulatorState(options.fleet);
  const faults = new FaultRegistry();
  const pending = new PendingWork();
  const counts = new Map<string, number>();
  let url = '';
  let stopping = false;

  const clusterState = (cluster: string) => {
    const found = state.cluster(cluster);
    if (!found) throw new Error(`aks-simulator: no cluster named "${cluster}"`);
    return found;
  };
  const kubernetesServer = (cluster: string) =>
    `${url}/clusters/${encodeURIComponent(cluster)}`;
  const kubeconfig = (cluster: string) =>
    buildKubeconfig({
      cluster,
      server: kubernetesServer(cluster),
      caPem: certificate.cert,
      token: resolved.kubernetesToken,
      resourceGroup: clusterState(cluster).arm.resourceGroup,
    });

  const context: SimulatorContext = {
    state,
    options: resolved,
    osSkus: buildOsSkuTable(),
    operations: new OperationStore(),
    kubeconfig,
    nextAgentPoolFailure: options.failNextAgentPoolCreate,
  };

  const sockets = new Set<Socket>();
  const server = https.createServer({
    cert: certificate.cert,
    key: certificate.key,
  });

  const simulator: RunningSimulator = {
    url: '',
    armEndpoint: '',
    registryEndpoint: '',
    caPem: certificate.cert,
    kubernetesToken: resolved.kubernetesToken,
    kubernetesServer,
    kubeconfig,
    setFault: (target, fault) => faults.set(target, fault),
    requestCounts: () => Object.fromEntries([...counts.entries()].sort()),
    resetRequestCounts: () => counts.clear(),
    failNextAgentPoolOperation: (code, message) => {
      context.nextAgentPoolFailure = { code, message };
    },
    agentPools: cluster =>
      clusterState(cluster).pools.map(pool => structuredClone(pool.pool)),
    stop: async () => {
      if (stopping) return;
      stopping = true;
      const closed = new Promise<void>(resolve =>
        server.close(() => resolve()),
      );
      pending.end();
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };

  const router = new Router().add(
    ...controlRoutes(simulator),
    ...managedClusterRoutes(context),
    ...agentPoolRoutes(context),
    ...operationRoutes(context),
    ...credentialRoutes(context),
    ...kubernetesRoutes(context),
    ...registryRoutes(
      new RegistryCatalog(options.fleet.images),
      new RegistryAuth(resolved.registryAuth, resolved.registryCredentials),
    ),
  );
  server.on(
    'request',
    createHandler({
      router,
      faults,
      pending,
      baseUrl: () => url,
      count: kind => counts.set(kind, (counts.get(kind) ?? 0) + 1),
      isStopping: () => stopping,
      log: options.quiet
        ? undefined
        : line => process.stderr.write(`[aks-simulator] ${line}\n`),
    }),
  );
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') {
    throw new Error('aks-simulator: no TCP address');
  }
  const urlHost =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `https://${urlHost}:${address.port}`;
  simulator.url = url;
  simulator.armEndpoint = url;
  simulator.registryEndpoint = url;
  return simulator;
}
