import {
  namespaceOwnerOf,
  NamespaceOwnersError,
  parseNamespaceOwners,
} from './namespaceOwners';

const WHERE = 'windowsReadiness.namespaceOwners';

describe('namespaceOwners', () => {
  const owners = parseNamespaceOwners(
    [
      { namespace: 'kube-*', owner: 'team-platform' },
      { namespace: 'kube-system', owner: 'group:default/team-aks' },
      { namespace: 'monitoring', owner: 'user:default/jane' },
      { namespace: 'ingress-?', owner: 'group:default/team-edge' },
    ],
    WHERE,
  );
  const ownerOf = namespaceOwnerOf(owners);

  it.each([
    ['kube-system', 'group:default/team-aks'], // exact wins over an earlier glob
    ['kube-public', 'group:default/team-platform'],
    ['monitoring', 'user:default/jane'],
    ['ingress-a', 'group:default/team-edge'],
    ['ingress-ab', undefined], // ? is one character
    ['monitoring-x', undefined],
    ['kube', undefined],
  ])('%s belongs to %s', (namespace, owner) => {
    expect(ownerOf(namespace)).toBe(owner);
  });

  it('defaults owners to groups in the default namespace', () => {
    expect(owners[0].owner).toBe('group:default/team-platform');
  });

  it('treats regex characters in a pattern literally', () => {
    // `.` is not a namespace character, so it cannot be in a pattern at all.
    expect(() =>
      parseNamespaceOwners([{ namespace: 'a.b', owner: 'x' }], WHERE),
    ).toThrow(NamespaceOwnersError);
  });

  it.each([
    [{}, `${WHERE} must be a list`],
    [[null], `${WHERE}[0] must be { namespace, owner }`],
    [[{ namespace: 'Bad_NS', owner: 'x' }], `${WHERE}[0].namespace`],
    [
      [{ namespace: 'ok', owner: '' }],
      `${WHERE}[0].owner must be an entity ref`,
    ],
    [
      [{ namespace: 'ok', owner: 'group:default/' }],
      `${WHERE}[0].owner is not an entity ref`,
    ],
  ])('names the bad entry: %j', (value, message) => {
    expect(() => parseNamespaceOwners(value, WHERE)).toThrow(message);
  });

  it('is empty when not configured', () => {
    expect(parseNamespaceOwners(undefined, WHERE)).toEqual([]);
  });
});
