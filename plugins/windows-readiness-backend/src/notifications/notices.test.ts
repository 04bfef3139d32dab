import type { PoolFacts } from '@winready/plugin-windows-readiness-common';
import {
  noticesFor,
  readinessTabLink,
  severityForLeadTime,
  type ServiceNoticeInput,
} from './notices';

const AS_OF = new Date('2026-11-27T12:00:00Z');
const NPWIN: PoolFacts = {
  cluster: 'aks-weu-legacy',
  pool: 'npwin',
  osSku: 'Windows2019',
  retirementDate: '2026-03-01',
  imageDeletionDate: '2027-04-01',
  successorOsSku: 'Windows2022',
};
const service = (
  over: Partial<ServiceNoticeInput> = {},
): ServiceNoticeInput => ({
  entityRef: 'component:default/orders-legacy',
  status: 'at-risk',
  previousStatus: 'at-risk',
  runsOn: [],
  ...over,
});
/** A pool whose retirement is `days` after AS_OF. */
const retiringIn = (days: number, pool = 'npw22'): PoolFacts => ({
  cluster: 'aks-neu-modern',
  pool,
  osSku: 'Windows2022',
  retirementDate: new Date(AS_OF.getTime() + days * 86_400_000)
    .toISOString()
    .slice(0, 10),
  successorOsSku: 'Windows2025',
});
const keys = (input: ServiceNoticeInput[], leads?: number[]) =>
  noticesFor({ services: input, asOf: AS_OF }, leads).map(
    n => `${n.kind} ${n.event}`,
  );

describe('noticesFor', () => {
  it.each([
    [undefined, 'blocked', ['blocked 2026-11-27']],
    ['at-risk', 'blocked', ['blocked 2026-11-27']],
    ['ready', 'blocked', ['blocked 2026-11-27']],
    ['blocked', 'blocked', []],
    ['blocked', 'at-risk', []],
    ['at-risk', 'unknown', []],
  ] as const)('from %s to %s: %j', (previousStatus, status, expected) => {
    expect(keys([service({ previousStatus, status })])).toEqual(expected);
  });

  it.each([
    [200, []],
    [181, []],
    [180, ['pool-retirement 180']],
    [108, ['pool-retirement 180']],
    [90, ['pool-retirement 90']],
    [31, ['pool-retirement 90']],
    [30, ['pool-retirement 30']],
    [8, ['pool-retirement 30']],
    [7, ['pool-retirement 7']],
    [0, ['pool-retirement 7']],
    [-1, []],
  ])(
    'a pool retiring in %s days: the tightest lead time only',
    (days, expected) => {
      expect(
        keys([service({ runsOn: [retiringIn(days)] })]).map(k =>
          k.replace(/ \d{4}-\d{2}-\d{2}\//, ' '),
        ),
      ).toEqual(expected);
    },
  );

  it('takes its lead times from config', () => {
    expect(keys([service({ runsOn: [retiringIn(40)] })], [60, 14])).toEqual([
      `pool-retirement ${retiringIn(40).retirementDate}/60`,
    ]);
    expect(keys([service({ runsOn: [retiringIn(100)] })], [60, 14])).toEqual(
      [],
    );
  });

  it('gives one notice per date, naming every pool that has it', () => {
    const notices = noticesFor({
      services: [
        service({
          runsOn: [retiringIn(100, 'npw22'), retiringIn(100, 'npw22b')],
        }),
      ],
      asOf: AS_OF,
    });
    expect(notices).toHaveLength(1);
    expect(notices[0].description).toContain(
      'aks-neu-modern/npw22, aks-neu-modern/npw22b',
    );
  });

  it('writes the demo’s orders-legacy notices', () => {
    const notices = noticesFor({
      services: [
        service({
          status: 'blocked',
          previousStatus: undefined,
          failingChecks: ['image-os-build', 'pod-status'],
          runsOn: [NPWIN],
        }),
      ],
      asOf: AS_OF,
    });
    expect(notices).toEqual([
      {
        entityRef: 'component:default/orders-legacy',
        kind: 'blocked',
        event: '2026-11-27',
        severity: 'high',
        topic: 'windows-readiness.blocked',
        title: 'orders-legacy is blocked: its Windows containers cannot start',
        description:
          'Failing: image-os-build, pod-status. The Windows readiness tab shows the evidence and the fix.',
        link: '/catalog/default/component/orders-legacy/windows-readiness',
      },
      // Retired on 2026-03-01: that date has passed, no notice. Images go in 125 days.
      {
        entityRef: 'component:default/orders-legacy',
        kind: 'image-deletion',
        event: '2027-04-01/180',
        severity: 'low',
        topic: 'windows-readiness.image-deletion',
        title:
          'orders-legacy: Windows2019 node images are deleted in 125 days (2027-04-01)',
        description:
          'orders-legacy runs on aks-weu-legacy/npwin (Windows2019). AKS deletes the Windows2019 node images on 2027-04-01: scaling out or reimaging these pools fails from then on. Move it to a Windows2022 pool: the Windows readiness tab says whether its images run there (upgrade-path).',
        link: '/catalog/default/component/orders-legacy/windows-readiness',
      },
    ]);
  });

  it.each([
    [180, 'low'],
    [91, 'low'],
    [90, 'normal'],
    [30, 'high'],
    [7, 'critical'],
    [1, 'critical'],
  ])('lead time %s days is %s', (days, severity) => {
    expect(severityForLeadTime(days)).toBe(severity);
  });

  it('links to the entity’s tab, whatever its kind and namespace', () => {
    expect(readinessTabLink('Component:Shop/Web Portal')).toBe(
      '/catalog/shop/component/Web%20Portal/windows-readiness',
    );
  });
});
