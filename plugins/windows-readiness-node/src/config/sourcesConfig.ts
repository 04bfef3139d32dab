import type { Config } from '@backstage/config';
import type { OsSkuOverride } from '@winready/plugin-windows-readiness-common';

export type AzureCredentialConfig =
  | { type: 'default'; tenantId?: string; clientId?: string }
  | {
      type: 'clientSecret';
      tenantId: string;
      clientId: string;
      clientSecret: string;
    }
  | { type: 'workloadIdentity'; tenantId?: string; clientId?: string }
  | { type: 'static'; token: string };

export interface AzureSourceConfig {
  armEndpoint: string;
  caFile?: string;
  credential: AzureCredentialConfig;
  subscriptions: Array<{ id: string; resourceGroups?: string[] }>;
  kubernetesAccess: 'userCredentials' | 'entraToken';
}

export interface StaticClusterConfig {
  name: string;
  /** The API server; not needed with `kubeconfigPath` or `inCluster`. */
  url?: string;
  /** A kubeconfig file; its current context is used. */
  kubeconfigPath?: string;
  /** The service account of the pod the backend runs in. */
  inCluster?: boolean;
  caData?: string;
  caFile?: string;
  token?: string;
  skipTLSVerify?: boolean;
}

export interface RegistriesConfig {
  allow: string[];
  mirrors: Array<{ host: string; endpoint: string }>;
  insecureHosts: string[];
  caFile?: string;
  credentials: Array<{
    host: string;
    type: 'basic' | 'acr';
    username?: string;
    password?: string;
  }>;
  concurrency?: number;
  timeoutMs?: number;
}

/** The `windowsReadiness` config, read and checked once at start-up. */
export interface SourcesConfig {
  concurrency: number;
  clusterTimeoutMs: number;
  osSkus: OsSkuOverride[];
  azure?: AzureSourceConfig;
  kubernetes: {
    namespaces?: string[];
    labelSelector?: string;
    pageSize: number;
    useKubernetesPluginClusters: boolean;
    clusters: StaticClusterConfig[];
  };
  registries: RegistriesConfig;
}

const ROOT = 'windowsReadiness';

/** A config value that is there but wrong, named by its full key. */
export class SourcesConfigError extends Error {
  name = 'SourcesConfigError';
  constructor(key: string, problem: string) {
    super(`Invalid config at '${key}': ${problem}`);
  }
}

function oneOf<T extends string>(
  config: Config,
  key: string,
  values: readonly T[],
  fallback: T,
  path: string,
): T {
  const value = config.getOptionalString(key) ?? fallback;
  if (!values.includes(value as T)) {
    throw new SourcesConfigError(
      `${path}.${key}`,
      `must be one of ${values.join(', ')}, got "${value}"`,
    );
  }
  return value as T;
}

function url(config: Config, key: string, path: string): string {
  const value = config.getString(key);
  try {
    const parsed = new URL(value);
    if (!['https:', 'http:'].includes(parsed.protocol)) throw new Error();
  } catch {
    throw new SourcesConfigError(
      `${path}.${key}`,
      `"${value}" is not an http(s) URL`,
    );
  }
  return value.replace(/\/+$/, '');
}

function positive(config: Config, key: string, fallback: number, path: string) {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new SourcesConfigError(
      `${path}.${key}`,
      'must be a positive whole number',
    );
  }
  return value;
}

function readCredential(
  config: Config | undefined,
  path: string,
): AzureCredentialConfig {
  if (!config) return { type: 'default' };
  const type = oneOf(
    config,
    'type',
    ['default', 'clientSecret', 'workloadIdentity', 'static'] as const,
    'default',
    path,
  );
  switch (type) {
    case 'clientSecret':
      return {
        type,
        tenantId: config.getString('tenantId'),
        clientId: config.getString('clientId'),
        clientSecret: config.getString('clientSecret'),
      };
    case 'static':
      return { type, token: config.getString('token') };
    default:
      return {
        type,
        tenantId: config.getOptionalString('tenantId'),
        clientId: config.getOptionalString('clientId'),
      };
  }
}

function readAzure(config: Config | undefined): AzureSourceConfig | undefined {
  if (!config) return undefined;
  const path = `${ROOT}.azure`;
  return {
    armEndpoint: config.has('armEndpoint')
      ? url(config, 'armEndpoint', path)
      : 'https://management.azure.com',
    caFile: config.getOptionalString('caFile'),
    credential: readCredential(
      config.getOptionalConfig('credential'),
      `${path}.credential`,
    ),
    subscriptions: config.getConfigArray('subscriptions').map(subscription => ({
      id: subscription.getString('id'),
      resourceGroups: subscription.getOptionalStringArray('resourceGroups'),
    })),
    kubernetesAccess: oneOf(
      config,
      'kubernetesAccess',
      ['userCredentials', 'entraToken'] as const,
      'userCredentials',
      path,
    ),
  };
}

function readRegistries(config: Config | undefined): RegistriesConfig {
  const path = `${ROOT}.registries`;
  return {
    allow: config?.getStringArray('allow') ?? [],
    mirrors: (config?.getOptionalConfigArray('mirrors') ?? []).map((m, i) => ({
      host: m.getString('host'),
      endpoint: url(m, 'endpoint', `${path}.mirrors[${i}]`),
    })),
    insecureHosts: config?.getOptionalStringArray('insecureHosts') ?? [],
    caFile: config?.getOptionalString('caFile'),
    credentials: (config?.getOptionalConfigArray('credentials') ?? []).map(
      (c, i) => ({
        host: c.getString('host'),
        type: oneOf(
          c,
          'type',
          ['basic', 'acr'] as const,
          'basic',
          `${path}.credentials[${i}]`,
        ),
        username: c.getOptionalString('username'),
        password: c.getOptionalString('password'),
      }),
    ),
    concurrency: config?.getOptionalNumber('concurrency'),
    timeoutMs: config?.getOptionalNumber('timeoutMs'),
  };
}

// One way to reach each cluster: a URL (with CA and token), a kubeconfig file, or in-cluster.
function clusterAccess(config: Config, path: string) {
  const kubeconfigPath = config.getOptionalString('kubeconfigPath');
  const inCluster = config.getOptionalBoolean('inCluster') ?? false;
  const ways = [config.has('url'), !!kubeconfigPath, inCluster].filter(Boolean);
  if (ways.length !== 1) {
    throw new SourcesConfigError(
      path,
      'give exactly one of url, kubeconfigPath or inCluster: true',
    );
  }
  return config.has('url')
    ? { url: url(config, 'url', path) }
    : { kubeconfigPath, inCluster: inCluster || undefined };
}

/** Reads `windowsReadiness`; throws an error naming the key on a bad value. */
export function readSourcesConfig(root: Config): SourcesConfig {
  const config = root.getOptionalConfig(ROOT);
  const kubernetes = config?.getOptionalConfig('kubernetes');
  return {
    concurrency: config ? positive(config, 'concurrency', 8, ROOT) : 8,
    clusterTimeoutMs: config
      ? positive(config, 'clusterTimeoutMs', 120_000, ROOT)
      : 120_000,
    osSkus: (config?.getOptionalConfigArray('osSkus') ?? []).map(
      entry => entry.get() as OsSkuOverride,
    ),
    azure: readAzure(config?.getOptionalConfig('azure')),
    kubernetes: {
      namespaces: kubernetes?.getOptionalStringArray('namespaces'),
      labelSelector: kubernetes?.getOptionalString('labelSelector'),
      pageSize: kubernetes
        ? positive(kubernetes, 'pageSize', 500, `${ROOT}.kubernetes`)
        : 500,
      useKubernetesPluginClusters:
        kubernetes?.getOptionalBoolean('useKubernetesPluginClusters') ?? false,
      clusters: (kubernetes?.getOptionalConfigArray('clusters') ?? []).map(
        (c, i) => ({
          name: c.getString('name'),
          ...clusterAccess(c, `${ROOT}.kubernetes.clusters[${i}]`),
          caData: c.getOptionalString('caData'),
          caFile: c.getOptionalString('caFile'),
          token: c.getOptionalString('token'),
          skipTLSVerify: c.getOptionalBoolean('skipTLSVerify'),
        }),
      ),
    },
    registries: readRegistries(config?.getOptionalConfig('registries')),
  };
}
