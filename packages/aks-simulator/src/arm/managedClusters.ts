import type { SimulatorContext } from '../context';
import { json, type Route, type SimRequest } from '../http';
import { armError, armPrecheck, clusterNotFound } from './armErrors';
import { renderManagedCluster } from './armModel';
import { armPage, nextLinkFor } from './paging';
import { ARM_PATHS } from './paths';

function listClusters(
  context: SimulatorContext,
  request: SimRequest,
  subscriptionId: string,
  resourceGroup?: string,
) {
  const clusters = context.state
    .armClusters(subscriptionId, resourceGroup)
    .map(renderManagedCluster);
  const page = armPage(
    clusters,
    request.query.get('$skipToken'),
    context.options.managedClusterPageSize,
    token =>
      nextLinkFor(
        request.baseUrl,
        request.path,
        request.query.get('api-version'),
        token,
      ),
  );
  return page
    ? json(200, page)
    : armError(400, 'InvalidSkipToken', 'The $skipToken is not valid.');
}

/** `GET …/managedClusters` (subscription and resource group) and one cluster. */
export function managedClusterRoutes(context: SimulatorContext): Route[] {
  return [
    {
      area: 'arm',
      methods: ['GET'],
      pattern: ARM_PATHS.subscriptionClusters,
      kind: 'arm.managedClusters.list',
      handle: (request, [subscriptionId]) =>
        armPrecheck(request) ?? listClusters(context, request, subscriptionId),
    },
    {
      area: 'arm',
      methods: ['GET'],
      pattern: ARM_PATHS.resourceGroupClusters,
      kind: 'arm.managedClusters.listByResourceGroup',
      handle: (request, [subscriptionId, resourceGroup]) =>
        armPrecheck(request) ??
        listClusters(context, request, subscriptionId, resourceGroup),
    },
    {
      area: 'arm',
      methods: ['GET'],
      pattern: ARM_PATHS.cluster,
      kind: 'arm.managedClusters.get',
      handle: (request, [subscriptionId, resourceGroup, name]) => {
        const refused = armPrecheck(request);
        if (refused) return refused;
        const state = context.state.armCluster(
          subscriptionId,
          resourceGroup,
          name,
        );
        return state
          ? json(200, renderManagedCluster(state))
          : clusterNotFound(resourceGroup, name);
      },
    },
  ];
}
