import {
  matchesLabels,
  parseLabelSelector,
  SelectorError,
} from './labelSelector';

const labels = {
  app: 'web',
  tier: 'frontend',
  'kubernetes.io/os': 'windows',
  'node.kubernetes.io/windows-build': '10.0.20348',
};

describe('label selectors', () => {
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app in (web, api)', true],
    ['app in (api,db)', false],
    ['app notin (api,db)', true],
    ['app notin (web)', false],
    ['missing notin (web)', true],
    ['missing in (web)', false],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!tier', false],
    [
      'kubernetes.io/os=windows,node.kubernetes.io/windows-build=10.0.20348',
      true,
    ],
    [
      'kubernetes.io/os=windows,node.kubernetes.io/windows-build=10.0.17763',
      false,
    ],
    ['app in (web,api),tier,!missing', true],
    [' app = web , tier ', true],
  ])('%j matches: %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it('matches absent labels only with !=, notin and !key', () => {
    const requirements = parseLabelSelector('a!=1,b notin (2),!c');
    expect(matchesLabels(requirements, undefined)).toBe(true);
    expect(matchesLabels(parseLabelSelector('a'), undefined)).toBe(false);
  });

  it('parses the requirement forms', () => {
    expect(parseLabelSelector('a=1,b!=2,c in (3,4),d notin (5),e,!f')).toEqual([
      { key: 'a', operator: '=', value: '1' },
      { key: 'b', operator: '!=', value: '2' },
      { key: 'c', operator: 'in', values: ['3', '4'] },
      { key: 'd', operator: 'notin', values: ['5'] },
      { key: 'e', operator: 'exists' },
      { key: 'f', operator: '!exists' },
    ]);
  });

  it.each([
    'app in (web',
    'app in web)',
    'app=we b',
    ',app=web',
    'bad key=1',
    'app=-web-',
  ])('refuses %j', selector => {
    expect(() => parseLabelSelector(selector)).toThrow(SelectorError);
  });
});
