import type { RootConfigService } from '@backstage/backend-plugin-api';
import type { SourcesConfig } from '@winready/plugin-windows-readiness-node';

/** What the plugin knows about its sources once every module has registered. */
export interface SourcesAtStartup {
  /** `windowsReadiness`, or what a module set through `useSourcesConfig`. */
  sources: SourcesConfig;
  /** Locators other modules added through `addClusterLocator`. */
  extraLocators: number;
  /** The whole config, for the Kubernetes plugin's clusters. */
  rootConfig: RootConfigService;
}

/**
 * The clusters of the Kubernetes plugin's `config` locators that a scheduled
 * scan can read: only `serviceAccount` ones (the others need the signed-in
 * user's token; each refresh reports them as errors).
 */
function readableKubernetesPluginClusters(root: RootConfigService): number {
  const methods =
    root.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(method => method.getOptionalString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
    .filter(
      cluster => cluster.getOptionalString('authProvider') === 'serviceAccount',
    ).length;
}

/**
 * The start-up warning when no source can yield a cluster, or undefined when
 * one can. Without it an unconfigured backend only logs "0 clusters" at each
 * refresh, and the report stays empty with no hint why.
 */
export function noSourceWarning(input: SourcesAtStartup): string | undefined {
  const { azure, kubernetes } = input.sources;
  const pluginClusters = kubernetes.useKubernetesPluginClusters
    ? readableKubernetesPluginClusters(input.rootConfig)
    : 0;
  if (
    (azure?.subscriptions.length ?? 0) > 0 ||
    kubernetes.clusters.length > 0 ||
    pluginClusters > 0 ||
    input.extraLocators > 0
  ) {
    return undefined;
  }
  const halfDone: string[] = [];
  if (azure) {
    halfDone.push('windowsReadiness.azure lists no subscriptions');
  }
  if (kubernetes.useKubernetesPluginClusters) {
    halfDone.push(
      'windowsReadiness.kubernetes.useKubernetesPluginClusters is true, but kubernetes.clusterLocatorMethods has no `type: config` cluster with `authProvider: serviceAccount` (the only kind a scheduled scan can read)',
    );
  }
  return [
    'Windows readiness: no cluster source is configured, so nothing will be collected and the report stays empty.',
    ...halfDone.map(problem => `${problem}.`),
    'Set windowsReadiness.azure.subscriptions (AKS clusters through Azure Resource Manager),',
    'windowsReadiness.kubernetes.clusters (any Kubernetes API server) or',
    "windowsReadiness.kubernetes.useKubernetesPluginClusters: true (the Kubernetes plugin's serviceAccount clusters),",
    'and windowsReadiness.registries.allow for the registries of your images.',
  ].join(' ');
}
