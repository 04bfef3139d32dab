import {
  jsonTooDeepAt,
  locateJsonPaths,
  placeOf,
  placeOfPath,
} from './jsonText';

describe('jsonTooDeepAt', () => {
  it.each([
    ['{"a": [[1]]}', 3, undefined],
    ['{"a": [[1]]}', 2, 7],
    ['{"a": "[[[[[[[["}', 1, undefined],
    ['{"a": "\\"[[[["}', 1, undefined],
  ])('%s with at most %d levels: %s', (text, max, at) => {
    expect(jsonTooDeepAt(text, max)).toBe(at);
  });
});

describe('locateJsonPaths', () => {
  const text = JSON.stringify(
    {
      clusters: [
        { name: 'a', pools: [] },
        { name: 'b', 'we"ird': 1, pools: [{ name: 'p', taints: ['x', 'y'] }] },
      ],
    },
    null,
    2,
  );
  const located = locateJsonPaths(text, [
    ['clusters', 1, 'pools', 0, 'taints', 1],
    ['clusters', 1, 'we"ird'],
    ['clusters', 0, 'missing'],
  ]);
  const lineOf = (needle: string) =>
    text.slice(0, text.indexOf(needle)).split('\n').length;

  it('finds each path where its value starts, in one pass', () => {
    expect(
      placeOfPath(located, ['clusters', 1, 'pools', 0, 'taints', 1]),
    ).toEqual({ line: lineOf('"y"'), column: 13 });
    expect(placeOfPath(located, ['clusters', 1, 'we"ird'])?.line).toBe(
      lineOf('we\\"ird'),
    );
  });

  it('falls back to the closest ancestor of a missing key', () => {
    expect(placeOfPath(located, ['clusters', 0, 'missing'])?.line).toBe(
      lineOf('"name": "a"') - 1,
    );
  });

  it('places offsets', () => {
    expect(placeOf('ab\ncd\ne', 4)).toEqual({ line: 2, column: 2 });
  });
});
