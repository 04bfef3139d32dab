/**
 * Pure: the resources the simulated API server lists, and the discovery
 * documents (`/api`, `/apis`, `/apis/{group}/{version}`) that describe them.
 */

export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  /** Plural, as in the URL: `pods`. */
  resource: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
}

export const RESOURCES: readonly ResourceType[] = [
  {
    group: '',
    version: 'v1',
    resource: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
  },
  {
    group: '',
    version: 'v1',
    resource: 'nodes',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
  },
  {
    group: '',
    version: 'v1',
    resource: 'pods',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
  },
  {
    group: '',
    version: 'v1',
    resource: 'events',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'statefulsets',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'daemonsets',
    kind: 'DaemonSet',
    namespaced: true,
    shortNames: ['ds'],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
  },
  {
    group: 'batch',
    version: 'v1',
    resource: 'jobs',
    kind: 'Job',
    namespaced: true,
  },
  {
    group: 'batch',
    version: 'v1',
    resource: 'cronjobs',
    kind: 'CronJob',
    namespaced: true,
    shortNames: ['cj'],
  },
  {
    group: 'node.k8s.io',
    version: 'v1',
    resource: 'runtimeclasses',
    kind: 'RuntimeClass',
    namespaced: false,
  },
];

export function findResource(
  group: string,
  version: string,
  resource: string,
): ResourceType | undefined {
  return RESOURCES.find(
    r => r.group === group && r.version === version && r.resource === resource,
  );
}

export function groupVersion(
  resource: Pick<ResourceType, 'group' | 'version'>,
): string {
  return resource.group
    ? `${resource.group}/${resource.version}`
    : resource.version;
}

const GROUPS = [...new Set(RESOURCES.filter(r => r.group).map(r => r.group))];

function versionsOf(group: string) {
  return [
    ...new Set(RESOURCES.filter(r => r.group === group).map(r => r.version)),
  ].map(version => ({ groupVersion: `${group}/${version}`, version }));
}

/** `GET /api`. */
export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(group: string) {
  const versions = versionsOf(group);
  return { name: group, versions, preferredVersion: versions[0] };
}

/** `GET /apis`. */
export function apiGroupList() {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: GROUPS.map(apiGroup),
  };
}

/** `GET /apis/{group}`, or undefined for a group it does not serve. */
export function apiGroupDocument(group: string) {
  return GROUPS.includes(group)
    ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group) }
    : undefined;
}

/** `GET /api/v1` and `GET /apis/{group}/{version}`. */
export function apiResourceList(group: string, version: string) {
  const resources = RESOURCES.filter(
    r => r.group === group && r.version === version,
  );
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: resources.map(r => ({
      name: r.resource,
      singularName: r.kind.toLowerCase(),
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: ['get', 'list'],
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
    })),
  };
}

/** `GET /version` for a cluster on this Kubernetes version (`1.33.2`). */
export function versionInfo(kubernetesVersion: string) {
  const [major = '1', minor = '0', patch = '0'] = kubernetesVersion
    .replace(/^v/, '')
    .split('.');
  return {
    major,
    minor,
    gitVersion: `v${major}.${minor}.${patch}`,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.24.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
