import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';

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

describe('field selectors', () => {
  const pod = {
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'shop' },
    spec: { nodeName: 'aksnpwin000000' },
    status: { phase: 'Running' },
  };
  const event = {
    kind: 'Event',
    metadata: { name: 'e', namespace: 'shop' },
    involvedObject: { kind: 'Pod', name: 'p' },
    reason: 'FailedScheduling',
    type: 'Warning',
    source: { component: 'default-scheduler' },
  };

  it.each([
    [pod, 'metadata.namespace=shop', true],
    [pod, 'metadata.namespace!=shop', false],
    [pod, 'metadata.name==p', true],
    [pod, 'spec.nodeName=aksnpwin000000', true],
    [pod, 'spec.nodeName=', false],
    [{ ...pod, spec: {} }, 'spec.nodeName=', true],
    [pod, 'status.phase!=Pending,metadata.namespace=shop', true],
    [event, 'involvedObject.kind=Pod', true],
    [event, 'involvedObject.kind=Node', false],
    [event, 'reason=FailedScheduling,type=Warning', true],
    [event, 'type=Normal', false],
    [event, 'source=default-scheduler', true],
  ])('%#: %j matches %j: %s', (object, selector, expected) => {
    expect(
      matchesFields(parseFieldSelector(selector, object.kind), object),
    ).toBe(expected);
  });

  it.each([
    ['Pod', 'reason=x'],
    ['Deployment', 'spec.nodeName=x'],
    ['Pod', 'spec.nodeName'],
  ])('refuses %s %j', (kind, selector) => {
    expect(() => parseFieldSelector(selector, kind)).toThrow(SelectorError);
  });
});
