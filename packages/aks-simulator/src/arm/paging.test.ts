import {
  armPage,
  type ArmPage,
  decodeSkipToken,
  encodeSkipToken,
  nextLinkFor,
} from './paging';

const link = (token: string) => `https://sim/list?$skipToken=${token}`;

describe('armPage', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it.each([
    [100, [['a', 'b', 'c', 'd', 'e']]],
    [5, [['a', 'b', 'c', 'd', 'e']]],
    [2, [['a', 'b'], ['c', 'd'], ['e']]],
    [1, [['a'], ['b'], ['c'], ['d'], ['e']]],
  ])('page size %i', (size, expected) => {
    const pages: string[][] = [];
    let token: string | null = null;
    for (;;) {
      const page: ArmPage<string> = armPage(items, token, size, link)!;
      pages.push(page.value);
      if (!page.nextLink) break;
      token = new URL(page.nextLink).searchParams.get('$skipToken');
    }
    expect(pages).toEqual(expected);
  });

  it('pages an empty list as one empty page', () => {
    expect(armPage([], null, 1, link)).toEqual({ value: [] });
  });

  it.each([
    '',
    'x',
    'sim1.!!!',
    encodeSkipToken(6),
    `sim1.${Buffer.from('{"offset":-1}').toString('base64url')}`,
  ])('refuses the skip token %j', token => {
    expect(armPage(items, token, 2, link)).toBeUndefined();
  });

  it('round-trips offsets and writes nextLink as ARM does', () => {
    expect(decodeSkipToken(encodeSkipToken(3))).toBe(3);
    expect(
      nextLinkFor('https://h:1', '/subscriptions/s/x', '2025-10-01', 'tok'),
    ).toBe(
      'https://h:1/subscriptions/s/x?api-version=2025-10-01&$skipToken=tok',
    );
  });
});
