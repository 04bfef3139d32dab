import {
  apiGroupDocument,
  apiResourceList,
  findResource,
  RESOURCES,
  versionInfo,
} from './discovery';

describe('discovery', () => {
  it.each([
    ['', 'v1', 'pods', 'Pod', true],
    ['', 'v1', 'nodes', 'Node', false],
    ['', 'v1', 'events', 'Event', true],
    ['apps', 'v1', 'replicasets', 'ReplicaSet', true],
    ['batch', 'v1', 'cronjobs', 'CronJob', true],
    ['node.k8s.io', 'v1', 'runtimeclasses', 'RuntimeClass', false],
  ])(
    '%s/%s %s is %s (namespaced %s)',
    (group, version, resource, kind, namespaced) => {
      expect(findResource(group, version, resource)).toMatchObject({
        kind,
        namespaced,
      });
    },
  );

  it('describes every resource in its group version', () => {
    for (const resource of RESOURCES) {
      const list = apiResourceList(resource.group, resource.version)!;
      expect(list.resources.map(r => r.name)).toContain(resource.resource);
    }
    expect(apiResourceList('apps', 'v2')).toBeUndefined();
    expect(apiGroupDocument('batch')?.preferredVersion).toEqual({
      groupVersion: 'batch/v1',
      version: 'v1',
    });
    expect(apiGroupDocument('extensions')).toBeUndefined();
  });

  it.each([
    ['1.33.2', { major: '1', minor: '33', gitVersion: 'v1.33.2' }],
    ['1.31', { major: '1', minor: '31', gitVersion: 'v1.31.0' }],
  ])('version %s', (version, expected) => {
    expect(versionInfo(version)).toMatchObject(expected);
  });
});
