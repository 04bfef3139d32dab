import type { KubernetesObject } from '@winready/plugin-windows-readiness-common';
import type { SimulatorContext } from '../context';
import { bearerToken, type SimResponse, type SimRequest } from '../http';
import { SimulatorState, type ClusterState } from '../state';
import type { ResourceType } from './discovery';
import { synthesizeNodes } from './nodes';
import { namespacesOf } from './objects';
import { kubernetesStatus } from './status';

export type Guarded = { state: ClusterState } | { refused: SimResponse };

/** The bearer token first (as the API server), then the cluster. */
export function guard(
  context: SimulatorContext,
  request: SimRequest,
  cluster: string,
): Guarded {
  const token = bearerToken(request);
  if (token !== context.options.kubernetesToken) {
    return { refused: kubernetesStatus(401, 'Unauthorized') };
  }
  const state = context.state.cluster(cluster);
  return state
    ? { state }
    : {
        refused: kubernetesStatus(
          404,
          `the server could not find the requested resource (cluster "${cluster}" is not simulated)`,
        ),
      };
}

/** Every object of a resource in the cluster, nodes synthesised. */
export function objectsOf(
  context: SimulatorContext,
  state: ClusterState,
  resource: ResourceType,
): KubernetesObject[] {
  if (resource.kind === 'Node') {
    return synthesizeNodes(
      SimulatorState.liveCluster(state),
      state.arm,
      context.osSkus,
      String(state.resourceVersion),
      state.objects.filter(object => object.kind === 'Node'),
    );
  }
  if (resource.kind === 'Namespace') {
    const given = state.objects.filter(o => o.kind === 'Namespace');
    const names = new Set(given.map(o => o.metadata?.name));
    return [
      ...namespacesOf(state.cluster.name, state.objects).filter(
        ns => !names.has(ns.metadata?.name),
      ),
      ...given,
    ];
  }
  return state.objects.filter(object => object.kind === resource.kind);
}
