import type { KubernetesObject } from '@winready/plugin-windows-readiness-common';
import {
  ContinueTokenError,
  encodeContinue,
  pageList,
  sortByKey,
  type ListQuery,
} from './paging';

const pod = (namespace: string, name: string): KubernetesObject => ({
  kind: 'Pod',
  metadata: { namespace, name },
});
const items = [
  pod('b', 'x'),
  pod('a', 'z'),
  pod('a', 'y'),
  pod('c', 'w'),
  pod('b', 'a'),
];
const query: ListQuery = { cluster: 'c1', resource: 'pods' };
const names = (page: { items: KubernetesObject[] }) =>
  page.items.map(i => `${i.metadata?.namespace}/${i.metadata?.name}`);

function pageAll(limit: number, limitMax = 500) {
  const pages: string[][] = [];
  let token: string | undefined;
  do {
    const page = pageList({
      items,
      query,
      resourceVersion: '7',
      limit,
      limitMax,
      continueToken: token,
    });
    pages.push(names(page));
    token = page.continue;
  } while (token);
  return pages;
}

describe('pageList', () => {
  it('sorts by namespace/name, as etcd keys', () => {
    expect(names({ items: sortByKey(items) })).toEqual([
      'a/y',
      'a/z',
      'b/a',
      'b/x',
      'c/w',
    ]);
  });

  it.each([
    [0, 500, [['a/y', 'a/z', 'b/a', 'b/x', 'c/w']]],
    [-1, 500, [['a/y', 'a/z', 'b/a', 'b/x', 'c/w']]],
    [5, 500, [['a/y', 'a/z', 'b/a', 'b/x', 'c/w']]],
    [2, 500, [['a/y', 'a/z'], ['b/a', 'b/x'], ['c/w']]],
    [4, 500, [['a/y', 'a/z', 'b/a', 'b/x'], ['c/w']]],
    [
      100,
      3,
      [
        ['a/y', 'a/z', 'b/a'],
        ['b/x', 'c/w'],
      ],
    ],
  ])('limit %i (max %i) pages as %j', (limit, max, expected) => {
    expect(pageAll(limit, max)).toEqual(expected);
  });

  it('reports remainingItemCount and keeps the first page resourceVersion', () => {
    const first = pageList({
      items,
      query,
      resourceVersion: '7',
      limit: 2,
      limitMax: 500,
    });
    expect(first.remainingItemCount).toBe(3);
    const second = pageList({
      items,
      query,
      resourceVersion: '9',
      limit: 2,
      limitMax: 500,
      continueToken: first.continue,
    });
    expect(second.resourceVersion).toBe('7');
  });

  it.each([
    ['garbage', 'not-base64-json'],
    ['another query', encodeContinue({ ...query, namespace: 'a' }, 'b/a', '7')],
    [
      'another cluster',
      encodeContinue({ ...query, cluster: 'c2' }, 'b/a', '7'),
    ],
    ['a wrong shape', Buffer.from('{"v":2}').toString('base64url')],
  ])('refuses a continue token from %s', (_what, token) => {
    expect(() =>
      pageList({
        items,
        query,
        resourceVersion: '7',
        limit: 2,
        limitMax: 500,
        continueToken: token,
      }),
    ).toThrow(ContinueTokenError);
  });
});
