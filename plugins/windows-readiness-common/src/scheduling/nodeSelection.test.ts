import type { NodeSelectorTerm } from '../model';
import {
  matchesNodeSelector,
  matchesRequiredAffinity,
  matchesRequirement,
  matchesTerm,
} from './nodeSelection';
import {
  LABELS,
  LINUX,
  NODES,
  REQUIREMENT_CASES,
  TERM_CASES,
  WINDOWS,
  WS2019,
  WS2022,
  name,
} from './__fixtures__/selectorCases';

describe('matchesNodeSelector', () => {
  it.each<[string, Record<string, string> | undefined, boolean]>([
    ['no selector', undefined, true],
    ['an empty selector', {}, true],
    ['kubernetes.io/os: windows', { 'kubernetes.io/os': 'windows' }, true],
    ['kubernetes.io/os: linux', { 'kubernetes.io/os': 'linux' }, false],
    [
      'the build label',
      { 'node.kubernetes.io/windows-build': '10.0.20348' },
      true,
    ],
    [
      'another build',
      { 'node.kubernetes.io/windows-build': '10.0.17763' },
      false,
    ],
    [
      'a build with revision',
      { 'node.kubernetes.io/windows-build': '10.0.20348.2582' },
      false,
    ],
    ['a value in another case', { 'kubernetes.io/os': 'Windows' }, false],
    ['an absent key', { 'kubernetes.azure.com/os-sku-2': 'x' }, false],
    ['an absent key with empty value', { missing: '' }, false],
    ['a present key with empty value', { empty: '' }, true],
    [
      'all pairs match',
      {
        'kubernetes.io/os': 'windows',
        'kubernetes.azure.com/os-sku': 'Windows2022',
      },
      true,
    ],
    [
      'one pair of two fails',
      {
        'kubernetes.io/os': 'windows',
        'kubernetes.azure.com/os-sku': 'Windows2019',
      },
      false,
    ],
    ['a prototype name as key', { constructor: 'x' }, false],
  ])('%s', (_label, selector, expected) => {
    expect(matchesNodeSelector(LABELS, selector)).toBe(expected);
  });

  it('compares YAML numbers as strings', () => {
    const selector = { cores: 8 } as unknown as Record<string, string>;
    expect(matchesNodeSelector(LABELS, selector)).toBe(true);
  });
});

describe('matchesRequirement', () => {
  it.each(REQUIREMENT_CASES)('%s', (_label, requirement, expected) => {
    expect(matchesRequirement(LABELS, requirement)).toBe(expected);
  });
});

describe('matchesTerm', () => {
  it.each(TERM_CASES)('%s', (_label, term, nodeNames, expected) => {
    expect(matchesTerm(LABELS, term, nodeNames)).toBe(expected);
  });
});

describe('matchesRequiredAffinity', () => {
  it.each<[string, NodeSelectorTerm[] | undefined, boolean]>([
    ['no terms: no constraint', undefined, true],
    ['an empty list: no constraint', [], true],
    ['one matching term', [{ matchExpressions: [WINDOWS] }], true],
    ['one failing term', [{ matchExpressions: [LINUX] }], false],
    [
      'terms ORed: second matches',
      [{ matchExpressions: [LINUX] }, { matchExpressions: [WINDOWS] }],
      true,
    ],
    [
      'terms ORed: none matches',
      [{ matchExpressions: [LINUX] }, { matchExpressions: [WINDOWS, WS2019] }],
      false,
    ],
    ['only an empty term', [{}], false],
    [
      'an empty term and a matching one',
      [{}, { matchExpressions: [WS2022] }],
      true,
    ],
    [
      'a field term on a node of the pool',
      [{ matchFields: [name('In', ['aksnpwin000000'])] }],
      true,
    ],
    [
      'a field term, or an expression term',
      [
        { matchFields: [name('In', ['other'])] },
        { matchExpressions: [WINDOWS] },
      ],
      true,
    ],
  ])('%s', (_label, terms, expected) => {
    expect(matchesRequiredAffinity(LABELS, terms, NODES)).toBe(expected);
  });

  it('cannot place a field term without node names', () => {
    const terms = [{ matchFields: [name('In', ['aksnpwin000000'])] }];
    expect(matchesRequiredAffinity(LABELS, terms)).toBe(false);
  });
});
