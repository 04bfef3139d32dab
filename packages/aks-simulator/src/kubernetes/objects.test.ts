import { deterministicUid, namespacesOf, prepareObjects } from './objects';

describe('prepareObjects', () => {
  const objects = [
    { kind: 'Pod', metadata: { name: 'a', namespace: 'shop' } },
    {
      kind: 'Pod',
      metadata: {
        name: 'b',
        namespace: 'shop',
        uid: 'given',
        resourceVersion: '5',
      },
    },
  ];

  it('adds uid, resourceVersion and creationTimestamp where missing, deterministically', () => {
    const prepared = prepareObjects('c1', objects, 100);
    expect(prepared[0].metadata).toEqual({
      name: 'a',
      namespace: 'shop',
      uid: deterministicUid('c1/Pod/shop/a'),
      resourceVersion: '100',
      creationTimestamp: '2026-01-01T00:00:00Z',
    });
    expect(prepared[1].metadata).toMatchObject({
      uid: 'given',
      resourceVersion: '5',
    });
    expect(prepareObjects('c1', objects, 100)).toEqual(prepared);
    expect(objects[0].metadata).not.toHaveProperty('uid');
  });

  it('makes UUID-shaped uids that differ per cluster', () => {
    expect(deterministicUid('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(deterministicUid('c1/Pod/shop/a')).not.toBe(
      deterministicUid('c2/Pod/shop/a'),
    );
  });

  it('lists the namespaces in use and the default ones', () => {
    expect(namespacesOf('c1', objects).map(n => n.metadata?.name)).toEqual([
      'default',
      'kube-public',
      'kube-system',
      'shop',
    ]);
  });
});
