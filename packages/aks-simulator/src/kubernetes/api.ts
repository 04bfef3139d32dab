import { clusterKubernetesVersion } from '../arm/armModel';
import type { SimulatorContext } from '../context';
import { json, type Route, type SimRequest } from '../http';
import { guard, objectsOf } from './clusterAccess';
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  findResource,
  groupVersion,
  versionInfo,
} from './discovery';
import { ContinueTokenError, pageList } from './paging';
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';
import { kubernetesStatus } from './status';

const CLUSTER = '^/clusters/([^/]+)';
const GROUP_VERSION = '(?:/api/(v1)|/apis/([^/]+)/([^/]+))';

/** What a list or get path names. */
interface ObjectPath {
  cluster: string;
  group: string;
  version: string;
  /** Undefined on cluster-wide paths. */
  namespace?: string;
  resource: string;
  name?: string;
}

/**
 * Params of the list/get patterns: [cluster, coreVersion, group, version,
 * namespace ('' on cluster-wide paths), resource, name?].
 */
function objectPath(params: string[]): ObjectPath {
  const [cluster, coreVersion, group, version, namespace, resource, name] =
    params;
  return {
    cluster,
    group: coreVersion ? '' : group,
    version: coreVersion || version,
    namespace: namespace || undefined,
    resource,
    name,
  };
}

function notFound(path: ObjectPath) {
  return kubernetesStatus(
    404,
    `the server could not find the requested resource (${path.resource})`,
  );
}

function listObjects(
  context: SimulatorContext,
  request: SimRequest,
  path: ObjectPath,
) {
  const { cluster, namespace } = path;
  const found = guard(context, request, cluster);
  if ('refused' in found) return found.refused;
  const resource = findResource(path.group, path.version, path.resource);
  if (!resource || (namespace !== undefined && !resource.namespaced)) {
    return notFound(path);
  }
  if (/^(true|1)$/.test(request.query.get('watch') ?? '')) {
    return kubernetesStatus(
      405,
      'watch is not supported by the aks-simulator',
      {
        reason: 'MethodNotAllowed',
      },
    );
  }
  const labelSelector = request.query.get('labelSelector') ?? undefined;
  const fieldSelector = request.query.get('fieldSelector') ?? undefined;
  const limit = Number(request.query.get('limit') ?? '0');
  try {
    const labels = parseLabelSelector(labelSelector ?? '');
    const fields = parseFieldSelector(fieldSelector ?? '', resource.kind);
    const items = objectsOf(context, found.state, resource).filter(
      object =>
        (namespace === undefined || object.metadata?.namespace === namespace) &&
        matchesLabels(labels, object.metadata?.labels) &&
        matchesFields(fields, object),
    );
    const page = pageList({
      items,
      query: {
        cluster,
        resource: resource.resource,
        namespace,
        labelSelector,
        fieldSelector,
      },
      resourceVersion: String(found.state.resourceVersion),
      limit: Number.isFinite(limit) ? Math.floor(limit) : 0,
      limitMax: context.options.kubernetesPageLimitMax,
      continueToken: request.query.get('continue') ?? undefined,
    });
    return json(200, {
      kind: `${resource.kind}List`,
      apiVersion: groupVersion(resource),
      metadata: {
        resourceVersion: page.resourceVersion,
        ...(page.continue
          ? {
              continue: page.continue,
              remainingItemCount: page.remainingItemCount,
            }
          : {}),
      },
      items: page.items,
    });
  } catch (error) {
    if (error instanceof SelectorError) {
      return kubernetesStatus(
        400,
        `unable to parse requirement: ${error.message}`,
      );
    }
    if (error instanceof ContinueTokenError) {
      return kubernetesStatus(410, error.message, { reason: 'Expired' });
    }
    throw error;
  }
}

function getObject(
  context: SimulatorContext,
  request: SimRequest,
  path: ObjectPath,
) {
  const { cluster, namespace, name } = path;
  const found = guard(context, request, cluster);
  if ('refused' in found) return found.refused;
  const resource = findResource(path.group, path.version, path.resource);
  if (!resource || resource.namespaced !== (namespace !== undefined)) {
    return notFound(path);
  }
  const object = objectsOf(context, found.state, resource).find(
    o => o.metadata?.name === name && o.metadata?.namespace === namespace,
  );
  return object
    ? json(200, object)
    : kubernetesStatus(404, `${resource.resource} "${name}" not found`, {
        details: { name, kind: resource.resource },
      });
}

const listKind = (params: string[]) => `kubernetes.${params[5]}.list`;
const getKind = (params: string[]) => `kubernetes.${params[5]}.get`;

function route(
  pattern: string,
  kind: Route['kind'],
  handle: Route['handle'],
): Route {
  return {
    area: 'kubernetes',
    methods: ['GET'],
    pattern: new RegExp(`${CLUSTER}${pattern}/?$`),
    kind,
    handle,
  };
}

/**
 * The Kubernetes API of each cluster under `/clusters/{cluster}`: version,
 * discovery, and list/get of the resources of `RESOURCES`. Params of the
 * list/get routes: [cluster, coreVersion, group, version, namespace,
 * resource, name].
 */
export function kubernetesRoutes(context: SimulatorContext): Route[] {
  const discovery = (
    request: SimRequest,
    cluster: string,
    document: () => unknown,
  ) => {
    const found = guard(context, request, cluster);
    if ('refused' in found) return found.refused;
    const body = document();
    return body
      ? json(200, body)
      : kubernetesStatus(
          404,
          'the server could not find the requested resource',
        );
  };
  return [
    route('/version', 'kubernetes.version', (request, [cluster]) =>
      discovery(request, cluster, () => {
        const state = context.state.cluster(cluster)!;
        return versionInfo(clusterKubernetesVersion(state.cluster));
      }),
    ),
    route('/api', 'kubernetes.discovery', (request, [cluster]) =>
      discovery(request, cluster, () =>
        apiVersions(request.baseUrl.replace(/^https:\/\//, '')),
      ),
    ),
    route('/apis', 'kubernetes.discovery', (request, [cluster]) =>
      discovery(request, cluster, apiGroupList),
    ),
    route('/api/(v1)', 'kubernetes.discovery', (request, [cluster, version]) =>
      discovery(request, cluster, () => apiResourceList('', version)),
    ),
    route(
      '/apis/([^/]+)',
      'kubernetes.discovery',
      (request, [cluster, group]) =>
        discovery(request, cluster, () => apiGroupDocument(group)),
    ),
    route(
      '/apis/([^/]+)/([^/]+)',
      'kubernetes.discovery',
      (request, [cluster, group, version]) =>
        discovery(request, cluster, () => apiResourceList(group, version)),
    ),
    route(`${GROUP_VERSION}/namespaces/([^/]+)/([^/]+)`, listKind, (r, p) =>
      listObjects(context, r, objectPath(p)),
    ),
    route(
      `${GROUP_VERSION}/namespaces/([^/]+)/([^/]+)/([^/]+)`,
      getKind,
      (r, p) => getObject(context, r, objectPath(p)),
    ),
    // The empty group keeps the params at the same places as above.
    route(`${GROUP_VERSION}()/([^/]+)`, listKind, (r, p) =>
      listObjects(context, r, objectPath(p)),
    ),
    route(`${GROUP_VERSION}()/([^/]+)/([^/]+)`, getKind, (r, p) =>
      getObject(context, r, objectPath(p)),
    ),
  ];
}
