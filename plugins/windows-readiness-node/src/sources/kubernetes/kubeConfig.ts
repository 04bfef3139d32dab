import { KubeConfig } from '@kubernetes/client-node';
import type { KubernetesConnection } from '../types';

/** A KubeConfig for one connection: a whole kubeconfig, or server plus token. */
export function kubeConfigFor(connection: KubernetesConnection): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (connection.inCluster) {
    kubeConfig.loadFromCluster();
    return kubeConfig;
  }
  if (connection.kubeconfig) {
    kubeConfig.loadFromString(connection.kubeconfig);
    if (connection.token) {
      // Entra access: keep the server and CA, replace the user's credentials.
      const cluster = kubeConfig.getCurrentCluster()!;
      kubeConfig.loadFromClusterAndUser(cluster, {
        name: 'winready',
        token: connection.token,
      });
    }
    return kubeConfig;
  }
  kubeConfig.loadFromClusterAndUser(
    {
      name: 'cluster',
      server: connection.server,
      caData: connection.caData,
      skipTLSVerify: connection.skipTLSVerify ?? false,
    },
    { name: 'winready', token: connection.token },
  );
  return kubeConfig;
}
