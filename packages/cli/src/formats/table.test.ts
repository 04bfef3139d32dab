import {
  emptyWhatIf,
  sampleReport,
  sampleWhatIf,
} from '../__fixtures__/results';
import { formatEvaluationTable, formatWhatIfTable } from './table';
import { renderTextTable } from './textTable';

describe('renderTextTable', () => {
  it('pads every column but the last and keeps cells on one line', () => {
    expect(
      renderTextTable(
        ['A', 'LONG HEADER', 'C'],
        [
          ['wide value', 'x', 'two\nlines'],
          ['b', '', ''],
        ],
      ),
    ).toBe(
      [
        'A           LONG HEADER  C',
        'wide value  x            two lines',
        'b',
      ].join('\n'),
    );
  });
});

describe('formatEvaluationTable', () => {
  const lines = formatEvaluationTable(sampleReport).split('\n');

  it('opens with the day and the status counts', () => {
    expect(lines[0]).toBe(
      'Windows readiness as of 2026-11-01: 5 services ' +
        '(1 blocked, 1 at-risk, 1 unknown, 1 ready, 1 not-applicable)',
    );
  });

  it.each([
    ['legacy', 'blocked', 'image-os-build, os-selector', 'Image "legacy:1'],
    ['multi', 'at-risk', 'os-sku-lifecycle', 'Windows2022 retires soon.'],
    [
      'unsure',
      'unknown',
      'image-os-build',
      "has not described contoso.azurecr.io/app:7.3. To settle it: check the registry's credentials",
    ],
    ['modern', 'ready', '-', '-'],
    ['api', 'not-applicable', '-', '-'],
  ])('shows %s as %s with its issues', (id, status, issues, message) => {
    const row = lines.find(line => line.startsWith(`${id} `));
    expect(row?.split(/ {2,}/).slice(0, 4)).toEqual([
      id,
      status,
      issues,
      expect.stringContaining(message),
    ]);
  });

  it('lists the worst services first, aligned under the header', () => {
    const header = lines.findIndex(line => line.startsWith('SERVICE'));
    const ids = lines.slice(header + 1, header + 6).map(l => l.split(' ')[0]);
    expect(ids).toEqual(['legacy', 'multi', 'unsure', 'modern', 'api']);
    expect(lines[header + 1].indexOf('blocked')).toBe(
      lines[header].indexOf('STATUS'),
    );
  });

  it('shows pools, cluster checks and collection errors', () => {
    const text = lines.join('\n');
    expect(text).toMatch(/aks-test +npwin +Windows2022 +10\.0\.20348\.2582/);
    expect(text).toMatch(/aks-test +windows-pool-taint +Pool npwin has no/);
    expect(text).toMatch(/error \(kubernetes\) +FETCH_ERROR: API server/);
  });
});

describe('formatWhatIfTable', () => {
  it('puts one reason per row under its service', () => {
    expect(formatWhatIfTable(sampleWhatIf)).toBe(
      [
        'What if aks-test/npwin moved from Windows2022 to Windows2019 ' +
          '(as of 2026-11-01):',
        'SERVICE  BEFORE  AFTER    REASONS',
        'modern   ready   blocked  image-os-build: no "2019" platform, none at all',
        '                          upgrade-path: a | b',
        'quiet    ready   unknown  -',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing gets worse', () => {
    expect(formatWhatIfTable(emptyWhatIf)).toContain('No service gets worse.');
  });
});
