import { readFileSync } from 'node:fs';
import type { Config } from '@backstage/config';
import { createAzureCredential } from '../azure/createAzureCredential';
import type { SourcesConfig } from '../config/sourcesConfig';
import { OciRegistryClient } from '../registry';
import { AksClusterLocator } from '../sources/aks/AksClusterLocator';
import {
  ConfigClusterLocator,
  KubernetesPluginClusterLocator,
} from '../sources/config/ConfigClusterLocator';
import { KubernetesObjectReader } from '../sources/kubernetes/KubernetesObjectReader';
import type { ClusterLocator } from '../sources/types';
import { SnapshotBuilder } from './SnapshotBuilder';

export interface CreateSnapshotBuilderOptions {
  config: SourcesConfig;
  /** The whole config, for the Kubernetes plugin's clusters. */
  rootConfig?: Config;
  /** Locators added through the extension point. */
  extraLocators?: ClusterLocator[];
  logger?: {
    debug(message: string, meta?: object): void;
    warn(message: string, meta?: object): void;
  };
}

const readPem = (file?: string) =>
  file ? readFileSync(file, 'utf8') : undefined;

/** Wires the real sources the config asks for into one snapshot builder. */
export function createSnapshotBuilder(
  options: CreateSnapshotBuilderOptions,
): SnapshotBuilder {
  const { config } = options;
  const credential = config.azure
    ? createAzureCredential(config.azure.credential)
    : undefined;
  const locators: ClusterLocator[] = [];
  if (config.azure && credential) {
    locators.push(
      new AksClusterLocator({
        credential,
        config: config.azure,
        caPem: readPem(config.azure.caFile),
      }),
    );
  }
  if (config.kubernetes.clusters.length > 0) {
    locators.push(new ConfigClusterLocator(config.kubernetes.clusters));
  }
  if (config.kubernetes.useKubernetesPluginClusters && options.rootConfig) {
    locators.push(new KubernetesPluginClusterLocator(options.rootConfig));
  }
  locators.push(...(options.extraLocators ?? []));

  const registries = config.registries;
  const images = new OciRegistryClient({
    allowHosts: registries.allow,
    mirrors: registries.mirrors,
    insecureHosts: registries.insecureHosts,
    credentials: registries.credentials,
    ca: readPem(registries.caFile),
    concurrency: registries.concurrency,
    timeoutMs: registries.timeoutMs,
    entraToken:
      credential &&
      (async () => {
        const token = await credential.getToken(
          'https://containerregistry.azure.net/.default',
        );
        if (!token) throw new Error('no Entra token for the registry scope');
        return token.token;
      }),
    logger: options.logger,
  });

  return new SnapshotBuilder({
    locators,
    reader: new KubernetesObjectReader({
      namespaces: config.kubernetes.namespaces,
      labelSelector: config.kubernetes.labelSelector,
      pageSize: config.kubernetes.pageSize,
    }),
    images,
    concurrency: config.concurrency,
    clusterTimeoutMs: config.clusterTimeoutMs,
  });
}
