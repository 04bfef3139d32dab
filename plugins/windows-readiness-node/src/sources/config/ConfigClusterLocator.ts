import { readFileSync } from 'node:fs';
import type { Config } from '@backstage/config';
import type { SourceError } from '@winready/plugin-windows-readiness-common';
import type { StaticClusterConfig } from '../../config/sourcesConfig';
import type { ClusterLocator, ClusterTarget, LocatedClusters } from '../types';
import { UNSUPPORTED_AUTH_PROVIDER } from '../../snapshot/clusterScopedErrors';

function caDataOf(cluster: StaticClusterConfig): string | undefined {
  if (cluster.caData) return cluster.caData;
  return cluster.caFile
    ? readFileSync(cluster.caFile).toString('base64')
    : undefined;
}

function target(cluster: StaticClusterConfig, source: string): ClusterTarget {
  return {
    name: cluster.name,
    source,
    connect: async () => {
      if (cluster.inCluster) return { server: '', inCluster: true };
      if (cluster.kubeconfigPath) {
        return {
          server: '',
          kubeconfig: readFileSync(cluster.kubeconfigPath, 'utf8'),
        };
      }
      return {
        server: cluster.url!,
        caData: caDataOf(cluster),
        token: cluster.token,
        skipTLSVerify: cluster.skipTLSVerify,
      };
    },
  };
}

/** Clusters listed in `windowsReadiness.kubernetes.clusters` (any Kubernetes, AKS or not). */
export class ConfigClusterLocator implements ClusterLocator {
  readonly id = 'config';

  constructor(private readonly clusters: readonly StaticClusterConfig[]) {}

  async locate(): Promise<LocatedClusters> {
    return {
      clusters: this.clusters.map(cluster => target(cluster, this.id)),
      errors: [],
    };
  }
}

/**
 * The clusters of the Backstage Kubernetes plugin's `config` locator. Only
 * service-account clusters can be read server-side: the other auth providers
 * use the signed-in user's token, which a scheduled scan does not have.
 */
export class KubernetesPluginClusterLocator implements ClusterLocator {
  readonly id = 'kubernetes-plugin';

  constructor(private readonly rootConfig: Config) {}

  async locate(): Promise<LocatedClusters> {
    const located: LocatedClusters = { clusters: [], errors: [] };
    const methods =
      this.rootConfig.getOptionalConfigArray(
        'kubernetes.clusterLocatorMethods',
      ) ?? [];
    methods.forEach((method, m) => {
      if (method.getString('type') !== 'config') return;
      (method.getOptionalConfigArray('clusters') ?? []).forEach(
        (cluster, c) => {
          const name = cluster.getString('name');
          const authProvider = cluster.getString('authProvider');
          if (authProvider !== 'serviceAccount') {
            located.errors.push(unusable(name, authProvider, m, c));
            return;
          }
          located.clusters.push(
            target(
              {
                name,
                url: cluster.getString('url'),
                caData: cluster.getOptionalString('caData'),
                caFile: cluster.getOptionalString('caFile'),
                token: cluster.getOptionalString('serviceAccountToken'),
                skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify'),
              },
              this.id,
            ),
          );
        },
      );
    });
    return located;
  }
}

function unusable(
  name: string,
  authProvider: string,
  method: number,
  cluster: number,
): SourceError {
  return {
    source: 'kubernetes-plugin',
    errorType: UNSUPPORTED_AUTH_PROVIDER,
    resourcePath: `kubernetes.clusterLocatorMethods[${method}].clusters[${cluster}]`,
    message: `cluster "${name}" uses authProvider ${authProvider}, which needs the signed-in user's token; list it under windowsReadiness.kubernetes.clusters with a service account token, or reach it through windowsReadiness.azure`,
  };
}
