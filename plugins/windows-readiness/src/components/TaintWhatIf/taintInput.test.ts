import {
  parseTaintWhatIfLink,
  taintInputProblem,
  taintWhatIfRequest,
  taintWhatIfSearch,
  type TaintChange,
} from './taintInput';

describe('taintInputProblem', () => {
  it.each<[TaintChange, string, RegExp | undefined]>([
    ['add', '', undefined],
    ['add', 'os=windows:NoSchedule', undefined],
    ['add', ' sku=win:NoExecute ', undefined],
    ['add', 'dedicated:PreferNoSchedule', undefined],
    [
      'add',
      'os=windows',
      /^"os=windows" is not a taint: write key=value:Effect/,
    ],
    ['add', 'os=windows:Never', /is not a taint/],
    ['add', 'os', /^"os" is not a taint/],
    ['add', 'os = windows:NoSchedule', /is not a taint/],
    ['remove', 'os', undefined],
    ['remove', 'kubernetes.azure.com/scalesetpriority', undefined],
    ['remove', 'os=windows:NoSchedule', undefined],
    [
      'remove',
      'os=windows',
      /^"os=windows" is neither a taint key nor a taint/,
    ],
    ['remove', 'os:Never', /is neither a taint key nor a taint/],
    ['remove', '-os', /is neither/],
  ])('%s %j: %s', (change, text, problem) => {
    // No problem expected: no message at all.
    expect(taintInputProblem(change, text) ?? '').toMatch(problem ?? /^$/);
  });
});

describe('taintWhatIfRequest', () => {
  it.each<[TaintChange, string, string, object | undefined]>([
    [
      'add',
      'npwan',
      ' os=windows:NoSchedule',
      { addTaint: 'os=windows:NoSchedule' },
    ],
    ['remove', 'npw22', 'os', { removeTaint: 'os' }],
    ['add', 'npwan', 'os', undefined],
    ['add', '', 'os=windows:NoSchedule', undefined],
    ['remove', 'npw22', '  ', undefined],
  ])('%s on %j with %j', (change, pool, text, expected) => {
    const request = taintWhatIfRequest('aks-neu-modern', pool, change, text);
    expect(request).toEqual(
      expected && { cluster: 'aks-neu-modern', pool, ...expected },
    );
  });
});

describe('parseTaintWhatIfLink', () => {
  const parse = (search: string) =>
    parseTaintWhatIfLink(new URLSearchParams(search));

  it.each<[string, object | undefined]>([
    ['view=pools', undefined],
    ['view=pools&cluster=aks-neu-modern', undefined],
    ['view=pools&pool=npwan', undefined],
    [
      'view=pools&cluster=aks-neu-modern&pool=npwan',
      { cluster: 'aks-neu-modern', pool: 'npwan', change: 'add', taint: '' },
    ],
    [
      'cluster=aks-neu-modern&pool=npwan&addTaint=os%3Dwindows%3ANoSchedule',
      {
        cluster: 'aks-neu-modern',
        pool: 'npwan',
        change: 'add',
        taint: 'os=windows:NoSchedule',
      },
    ],
    [
      'cluster=aks-neu-modern&pool=npw22&removeTaint=os',
      {
        cluster: 'aks-neu-modern',
        pool: 'npw22',
        change: 'remove',
        taint: 'os',
      },
    ],
  ])('%s', (search, expected) => {
    expect(parse(search)).toEqual(expected);
  });

  it.each([
    ['cluster=c&pool=p&addTaint=os=windows', /is not a taint/],
    [
      'cluster=c&pool=p&addTaint=a:NoSchedule&removeTaint=b',
      /both addTaint and removeTaint/,
    ],
  ])('says what is wrong with %s', (search, problem) => {
    expect(parse(search)?.problem).toMatch(problem);
  });

  it('reads back the link it writes', () => {
    const request = {
      cluster: 'aks neu',
      pool: 'npwan',
      addTaint: 'os=windows:NoSchedule',
    };
    const search = taintWhatIfSearch(request);
    expect(search).toBe(
      '?view=pools&cluster=aks+neu&pool=npwan&addTaint=os%3Dwindows%3ANoSchedule',
    );
    expect(parse(search)).toEqual({
      cluster: 'aks neu',
      pool: 'npwan',
      change: 'add',
      taint: 'os=windows:NoSchedule',
    });
  });
});
