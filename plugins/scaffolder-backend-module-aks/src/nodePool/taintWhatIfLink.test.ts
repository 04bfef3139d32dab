import { taintWhatIfPath } from './taintWhatIfLink';

describe('taintWhatIfPath', () => {
  it.each<[string, string[], string]>([
    [
      'the tainted Windows pool of the template',
      ['sku=win:NoSchedule'],
      '/windows-readiness?view=pools&cluster=aks-weu-prod&pool=win2&addTaint=sku%3Dwin%3ANoSchedule',
    ],
    [
      'the first taint that keeps pods off, not a PreferNoSchedule one',
      [
        'spot=true:PreferNoSchedule',
        ' os=windows:NoExecute',
        'sku=win:NoSchedule',
      ],
      '/windows-readiness?view=pools&cluster=aks-weu-prod&pool=win2&addTaint=os%3Dwindows%3ANoExecute',
    ],
    [
      'a taint without a value',
      ['dedicated:NoSchedule'],
      '/windows-readiness?view=pools&cluster=aks-weu-prod&pool=win2&addTaint=dedicated%3ANoSchedule',
    ],
    [
      'no taint: the what-if of the pool, to pick one',
      [],
      '/windows-readiness?view=pools&cluster=aks-weu-prod&pool=win2',
    ],
    [
      'only a PreferNoSchedule taint',
      ['spot=true:PreferNoSchedule'],
      '/windows-readiness?view=pools&cluster=aks-weu-prod&pool=win2',
    ],
  ])('links %s', (_what, taints, path) => {
    expect(
      taintWhatIfPath({ cluster: 'aks-weu-prod', name: 'win2', taints }),
    ).toBe(path);
  });

  it('encodes the cluster name and follows another mount path', () => {
    expect(
      taintWhatIfPath(
        { cluster: 'aks weu&prod', name: 'win2', taints: [] },
        '/readiness',
      ),
    ).toBe('/readiness?view=pools&cluster=aks+weu%26prod&pool=win2');
  });
});
