import { unownedRows } from './__fixtures__';
import { groupWorkloads, workloadFilterOptions } from './workloadGroups';
import {
  parseWorkloadFilters,
  writeWorkloadFilters,
} from './useWorkloadFilters';

describe('groupWorkloads', () => {
  it('orders clusters and namespaces by name, and the worst status first within a namespace', () => {
    const rows = [
      ...unownedRows,
      {
        ...unownedRows[0],
        id: 'DaemonSet monitoring/a-ready',
        name: 'a-ready',
        status: 'ready' as const,
      },
      {
        ...unownedRows[0],
        id: 'DaemonSet monitoring/z-blocked',
        name: 'z-blocked',
        status: 'blocked' as const,
      },
    ];
    const groups = groupWorkloads(rows);
    expect(
      groups.map(g => [
        g.cluster,
        g.count,
        g.namespaces.map(n => [n.namespace, n.rows.map(r => r.name)]),
      ]),
    ).toEqual([
      [
        'aks-neu-modern',
        5,
        [
          ['external-dns', ['external-dns']],
          ['ingress-nginx', ['ingress-nginx-controller']],
          ['monitoring', ['z-blocked', 'datadog-agent', 'a-ready']],
        ],
      ],
      ['aks-weu-batch', 1, [['kube-system', ['csi-smb-node-win']]]],
    ]);
  });

  it('is empty without rows', () => {
    expect(groupWorkloads([])).toEqual([]);
  });
});

describe('workloadFilterOptions', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, ['external-dns', 'ingress-nginx', 'kube-system', 'monitoring']],
    ['aks-weu-batch', ['kube-system']],
    ['aks-gone', []],
  ])('offers the namespaces of cluster %s', (cluster, namespaces) => {
    const options = workloadFilterOptions(unownedRows, cluster);
    expect(options.namespaces).toEqual(namespaces);
    expect(options.clusters).toEqual(['aks-neu-modern', 'aks-weu-batch']);
    expect(options.owners).toEqual(['group:default/team-platform']);
  });
});

describe('workload filters in the address', () => {
  it.each<[string, object]>([
    ['', {}],
    [
      'view=workloads&cluster=%20c%20&namespace=ns&owner=group%3Ax&q=dns',
      {
        cluster: 'c',
        namespace: 'ns',
        owner: 'group:x',
        q: 'dns',
      },
    ],
    ['status=blocked,nonsense&status=ready', { status: ['blocked', 'ready'] }],
    ['check=os-selector,nope', { check: ['os-selector'] }],
  ])('reads %j', (search, filters) => {
    expect(parseWorkloadFilters(new URLSearchParams(search))).toEqual(filters);
  });

  it('writes them back, keeping the view and dropping cleared ones', () => {
    const params = writeWorkloadFilters(
      new URLSearchParams('view=workloads&cluster=old&q=old'),
      { cluster: 'aks-neu-modern', status: ['blocked', 'at-risk'] },
    );
    expect(params.toString()).toBe(
      'view=workloads&cluster=aks-neu-modern&status=blocked%2Cat-risk',
    );
    expect(parseWorkloadFilters(params)).toEqual({
      cluster: 'aks-neu-modern',
      status: ['blocked', 'at-risk'],
    });
  });
});
