import {
  SYSTEM,
  TOLERATE_OS,
  WIN22,
  deployment,
  judge,
} from '../__testUtils__/ruleFleet';
import { APP_UNAUTHORIZED, REAL_IMAGES } from '../analysis/__fixtures__/images';
import type { CheckResult, ReportRow } from '../model';
import { reportRowChecks } from './reportRowChecks';
import { reportRowFilter } from './reportRowFilter';

/** docs/rules.md rule 8: every result explains itself. */

const check = (
  id: CheckResult['id'],
  result: CheckResult['result'],
  message: string,
  settle?: string,
): CheckResult => ({
  id,
  result,
  message,
  evidence: [],
  ...(settle ? { remediation: { summary: settle } } : {}),
});

const UNKNOWN_BUILD = check(
  'build-selector',
  'unknown',
  'Cannot tell whether npnext can start the images: the Windows build of pool npnext is unknown.',
  'To settle it: add the OS SKU WindowsNext to windowsReadiness.osSkus with its build.',
);
const RETIRES = check(
  'os-sku-lifecycle',
  'warn',
  'Windows2022 retires on 2027-03-15, in 108 days.',
);
const FAILS = check(
  'taint-toleration',
  'fail',
  'Every Windows pool … Pending.',
);

describe('rule 8: a report row lists its unknown checks with their reasons', () => {
  it.each<[string, CheckResult[], Partial<ReturnType<typeof reportRowChecks>>]>(
    [
      [
        'unknown only: the reason is the summary',
        [check('image-os-build', 'pass', 'ok'), UNKNOWN_BUILD],
        {
          failing: [],
          warning: [],
          unknown: ['build-selector'],
          unknownReasons: {
            'build-selector': `${UNKNOWN_BUILD.message} ${
              UNKNOWN_BUILD.remediation!.summary
            }`,
          },
          summary: `build-selector: ${UNKNOWN_BUILD.message} ${
            UNKNOWN_BUILD.remediation!.summary
          }`,
        },
      ],
      [
        'unknown next to a warning: listed, the warning first',
        [RETIRES, UNKNOWN_BUILD],
        {
          warning: ['os-sku-lifecycle'],
          unknown: ['build-selector'],
          summary: `os-sku-lifecycle: ${RETIRES.message}`,
        },
      ],
      [
        'failing first',
        [RETIRES, FAILS, UNKNOWN_BUILD],
        {
          failing: ['taint-toleration'],
          summary: `taint-toleration: ${FAILS.message}`,
        },
      ],
      [
        'nothing to say',
        [check('image-os-build', 'pass', 'ok')],
        { unknown: [], unknownReasons: {} },
      ],
    ],
  )('%s', (_label, checks, expected) => {
    const row = reportRowChecks(checks);
    expect(row).toMatchObject(expected);
    expect(row.summary === undefined).toBe(
      checks.every(c => c.result === 'pass'),
    );
  });

  it('gives the reason the evaluator wrote for an undescribed image', () => {
    const result = judge({
      pools: [SYSTEM, WIN22],
      objects: [
        deployment({
          nodeSelector: { 'kubernetes.io/os': 'windows' },
          tolerations: TOLERATE_OS,
          containers: [{ name: 'app', image: APP_UNAUTHORIZED }],
        }),
      ],
      images: REAL_IMAGES,
    });
    const row = reportRowChecks(result.checks);
    expect(row.unknown).toContain('image-os-build');
    expect(row.unknownReasons['image-os-build']).toMatch(
      /the registry has not described contoso\.azurecr\.io\/app:7\.3\. To settle it: check the registry's credentials/,
    );
    expect(row.summary).toMatch(/^image-os-build: Cannot tell/);
  });

  it('lets the check filter find the rows where a check cannot tell', () => {
    const row = {
      entityRef: 'component:default/kiosk',
      title: 'kiosk',
      status: 'unknown',
      clusters: ['aks-neu-modern'],
      evaluatedAt: '2026-11-27T00:00:00Z',
      ...reportRowChecks([UNKNOWN_BUILD]),
    } as ReportRow;
    expect(reportRowFilter({ check: ['build-selector'] })(row)).toBe(true);
    expect(reportRowFilter({ check: ['image-os-build'] })(row)).toBe(false);
  });
});
