import type { SimulatorContext } from '../context';
import { json, type Route, type SimRequest } from '../http';
import { SimulatorState, type ClusterState } from '../state';
import { armError, armPrecheck, clusterNotFound } from './armErrors';
import { renderAgentPool } from './armModel';
import { validateAgentPoolPut } from './agentPoolValidation';
import { operationPath } from './operations';
import { armPage, nextLinkFor } from './paging';
import { ARM_PATHS } from './paths';

function findCluster(
  context: SimulatorContext,
  request: SimRequest,
  [subscriptionId, resourceGroup, name]: string[],
): { state: ClusterState } | { refused: ReturnType<typeof json> } {
  const refused = armPrecheck(request);
  if (refused) return { refused };
  const state = context.state.armCluster(subscriptionId, resourceGroup, name);
  return state ? { state } : { refused: clusterNotFound(resourceGroup, name) };
}

function poolNotFound(cluster: string, pool: string) {
  return armError(
    404,
    'NotFound',
    `Agent pool '${pool}' was not found in managed cluster '${cluster}'.`,
  );
}

function putAgentPool(
  context: SimulatorContext,
  request: SimRequest,
  state: ClusterState,
  name: string,
) {
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8') || 'null');
  } catch {
    return armError(
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized.',
    );
  }
  const existing = SimulatorState.pool(state, name);
  // ARM's optimistic concurrency: If-None-Match: * creates, never replaces.
  if (existing && request.headers['if-none-match'] === '*') {
    return armError(
      412,
      'PreconditionFailed',
      `Agent pool '${name}' already exists and If-None-Match is '*'.`,
    );
  }
  if (
    existing?.provisioningState === 'Creating' ||
    existing?.provisioningState === 'Updating'
  ) {
    return armError(
      409,
      'OperationNotAllowed',
      `Operation is not allowed because there's an in progress ${existing.provisioningState.toLowerCase()} operation on agent pool '${name}'.`,
    );
  }
  const checked = validateAgentPoolPut({
    name: existing?.pool.name ?? name,
    body,
    existing: existing?.pool,
    existingSettings: existing?.settings,
    kubernetesVersion: state.cluster.kubernetesVersion,
    osSkus: context.osSkus,
  });
  if ('rejection' in checked) {
    const { status, code, message } = checked.rejection;
    return armError(status, code, message);
  }
  const creating = !existing;
  const pool = existing ?? {
    pool: checked.pool,
    provisioningState: 'Creating' as const,
  };
  pool.pool = checked.pool;
  pool.settings = checked.settings;
  pool.provisioningState = creating ? 'Creating' : 'Updating';
  if (creating) state.pools.push(pool);
  state.resourceVersion += 1;

  const failure = context.nextAgentPoolFailure;
  context.nextAgentPoolFailure = undefined;
  const operation = context.operations.start({
    cluster: state,
    pool: pool.pool.name,
    polls: context.options.asyncOperationPolls,
    failure,
  });
  const apiVersion = encodeURIComponent(request.query.get('api-version') ?? '');
  return json(creating ? 201 : 200, renderAgentPool(state, pool), {
    'Azure-AsyncOperation': `${request.baseUrl}${operationPath(
      state,
      operation.id,
    )}?api-version=${apiVersion}`,
  });
}

/** `GET …/agentPools` (paged), `GET` and `PUT …/agentPools/{name}`. */
export function agentPoolRoutes(context: SimulatorContext): Route[] {
  return [
    {
      area: 'arm',
      methods: ['GET'],
      pattern: ARM_PATHS.agentPools,
      kind: 'arm.agentPools.list',
      handle: (request, params) => {
        const found = findCluster(context, request, params);
        if ('refused' in found) return found.refused;
        const { state } = found;
        const page = armPage(
          state.pools.map(pool => renderAgentPool(state, pool)),
          request.query.get('$skipToken'),
          context.options.agentPoolPageSize,
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
      },
    },
    {
      area: 'arm',
      methods: ['GET'],
      pattern: ARM_PATHS.agentPool,
      kind: 'arm.agentPools.get',
      handle: (request, params) => {
        const found = findCluster(context, request, params);
        if ('refused' in found) return found.refused;
        const pool = SimulatorState.pool(found.state, params[3]);
        return pool
          ? json(200, renderAgentPool(found.state, pool))
          : poolNotFound(found.state.cluster.name, params[3]);
      },
    },
    {
      area: 'arm',
      methods: ['PUT'],
      pattern: ARM_PATHS.agentPool,
      kind: 'arm.agentPools.put',
      handle: (request, params) => {
        const found = findCluster(context, request, params);
        if ('refused' in found) return found.refused;
        return putAgentPool(context, request, found.state, params[3]);
      },
    },
  ];
}
