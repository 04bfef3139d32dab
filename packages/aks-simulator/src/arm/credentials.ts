import type { SimulatorContext } from '../context';
import { json, type Route } from '../http';
import { armPrecheck, clusterNotFound } from './armErrors';
import { ARM_PATHS } from './paths';

/**
 * `POST …/listClusterUserCredential` (and the admin one): the kubeconfig of
 * the simulated cluster, base64 as ARM returns it.
 */
export function credentialRoutes(context: SimulatorContext): Route[] {
  const route = (pattern: RegExp, kind: string, name: string): Route => ({
    area: 'arm',
    methods: ['POST'],
    pattern,
    kind,
    handle: (request, [subscriptionId, resourceGroup, cluster]) => {
      const refused = armPrecheck(request);
      if (refused) return refused;
      const state = context.state.armCluster(
        subscriptionId,
        resourceGroup,
        cluster,
      );
      if (!state) return clusterNotFound(resourceGroup, cluster);
      const kubeconfig = context.kubeconfig(state.cluster.name);
      return json(200, {
        kubeconfigs: [
          { name, value: Buffer.from(kubeconfig, 'utf8').toString('base64') },
        ],
      });
    },
  });
  return [
    route(
      ARM_PATHS.userCredential,
      'arm.listClusterUserCredential',
      'clusterUser',
    ),
    route(
      ARM_PATHS.adminCredential,
      'arm.listClusterAdminCredential',
      'clusterAdmin',
    ),
  ];
}
