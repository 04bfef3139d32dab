import { stringify } from 'yaml';

/**
 * A kubeconfig for one simulated cluster, shaped as AKS's clusterUser one:
 * the server under `/clusters/<name>`, the simulator's certificate as
 * certificate-authority-data and a static bearer token.
 */
export function buildKubeconfig(input: {
  cluster: string;
  server: string;
  caPem: string;
  token: string;
  resourceGroup: string;
}): string {
  const user = `clusterUser_${input.resourceGroup}_${input.cluster}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: input.cluster,
        cluster: {
          server: input.server,
          'certificate-authority-data': Buffer.from(
            input.caPem,
            'utf8',
          ).toString('base64'),
        },
      },
    ],
    contexts: [
      { name: input.cluster, context: { cluster: input.cluster, user } },
    ],
    'current-context': input.cluster,
    users: [{ name: user, user: { token: input.token } }],
    preferences: {},
  });
}
