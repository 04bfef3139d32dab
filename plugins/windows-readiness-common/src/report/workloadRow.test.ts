import type { CheckResult, WorkloadResult } from '../model';
import { parseCsv } from './csv';
import {
  toWorkloadRow,
  WORKLOAD_CSV_HEADER,
  workloadCsvLine,
  workloadRowFilter,
  workloadStatusCounts,
} from './workloadRow';

const check = (
  id: CheckResult['id'],
  value: CheckResult['result'],
): CheckResult => ({
  id,
  result: value,
  message: `${id} ${value}`,
  evidence: [],
});

function result(
  name: string,
  overrides: Partial<Omit<WorkloadResult, 'serviceId'>> = {},
): Omit<WorkloadResult, 'serviceId'> {
  return {
    cluster: 'aks-neu-modern',
    namespace: 'monitoring',
    kind: 'DaemonSet',
    name,
    involvesWindows: true,
    images: ['registry.example/log-shipper:2.1'],
    pools: { selected: [], eligible: [], compatible: [], runsOn: [] },
    status: 'ready',
    checks: [],
    ...overrides,
  };
}

const AT = '2026-12-05T00:00:00.000Z';
const rows = [
  toWorkloadRow(
    result('log-shipper', {
      status: 'blocked',
      checks: [check('taint-toleration', 'fail'), check('pod-status', 'pass')],
    }),
    [],
    { owner: 'group:default/team-platform', ownerSource: 'namespace' },
    AT,
  ),
  toWorkloadRow(
    result('webhook', {
      namespace: 'cert-manager',
      kind: 'Deployment',
      status: 'at-risk',
      images: ['quay.io/jetstack/cert-manager-webhook:v1.16.2'],
      checks: [check('linux-isolation', 'warn')],
    }),
    [],
    {},
    AT,
  ),
  toWorkloadRow(
    result('=HYPERLINK("x")', {
      cluster: 'aks-weu',
      status: 'unknown',
      checks: [check('image-os-build', 'unknown')],
    }),
    ['component:default/orders'],
    { owner: 'group:default/team-orders', ownerSource: 'entity' },
    AT,
  ),
];

describe('toWorkloadRow', () => {
  it('names the workload as kubectl does and lists its checks by result', () => {
    expect(rows[0]).toMatchObject({
      id: 'DaemonSet monitoring/log-shipper',
      services: [],
      owner: 'group:default/team-platform',
      ownerSource: 'namespace',
      failing: ['taint-toleration'],
      warning: [],
      unknown: [],
      summary: 'taint-toleration: taint-toleration fail',
    });
    expect(rows[1]).not.toHaveProperty('owner');
  });
});

describe('workloadRowFilter', () => {
  const names = (filters: Parameters<typeof workloadRowFilter>[0]) =>
    rows.filter(workloadRowFilter(filters)).map(row => row.name);

  it.each([
    [{}, ['log-shipper', 'webhook', '=HYPERLINK("x")']],
    [{ cluster: 'aks-weu' }, ['=HYPERLINK("x")']],
    [{ namespace: 'cert-manager' }, ['webhook']],
    [{ owner: 'group:default/team-platform' }, ['log-shipper']],
    [{ status: ['blocked', 'at-risk'] }, ['log-shipper', 'webhook']],
    [{ check: ['image-os-build'] }, ['=HYPERLINK("x")']],
    [{ check: ['linux-isolation'] }, ['webhook']],
    [{ q: 'JETSTACK' }, ['webhook']],
    [{ q: 'team-platform' }, ['log-shipper']],
    [{ q: 'nothing' }, []],
  ])('%j keeps %j', (filters, expected) => {
    expect(names(filters)).toEqual(expected);
  });

  it('counts per status under every filter but status', () => {
    const kept = rows.filter(
      workloadRowFilter(
        { status: ['blocked'], cluster: 'aks-neu-modern' },
        { ignoreStatus: true },
      ),
    );
    expect(workloadStatusCounts(kept)).toEqual({
      blocked: 1,
      'at-risk': 1,
      unknown: 0,
      ready: 0,
      'not-applicable': 0,
    });
  });
});

describe('workload CSV', () => {
  it('reads back as the rows, a formula neutralised', () => {
    const csv = WORKLOAD_CSV_HEADER + rows.map(workloadCsvLine).join('');
    const [header, ...lines] = parseCsv(csv);
    expect(header.slice(0, 4)).toEqual([
      'cluster',
      'namespace',
      'kind',
      'name',
    ]);
    expect(lines).toHaveLength(3);
    expect(lines[2][3]).toBe(`'=HYPERLINK("x")`);
    expect(lines[0][header.indexOf('failing')]).toBe('taint-toleration');
  });
});
