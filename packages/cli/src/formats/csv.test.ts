import { parseCsv } from '@winready/plugin-windows-readiness-common';
import {
  emptyWhatIf,
  sampleReport,
  sampleWhatIf,
} from '../__fixtures__/results';
import { formatEvaluationCsv, formatWhatIfCsv } from './csv';

const text = (pieces: Iterable<string>) => [...pieces].join('');

describe('formatEvaluationCsv', () => {
  it('writes a header and one row per service and check', () => {
    const rows = parseCsv(text(formatEvaluationCsv(sampleReport)));
    expect(rows[0]).toEqual([
      'service',
      'status',
      'check',
      'result',
      'message',
    ]);
    expect(rows).toHaveLength(1 + 6);
    expect(rows).toContainEqual([
      'legacy',
      'blocked',
      'image-os-build',
      'fail',
      'Image "legacy:1, old" cannot start on npwin\n(10.0.20348).',
    ]);
    expect(rows.every(row => row.length === 5)).toBe(true);
  });

  it('says what an unknown check could not tell and what would settle it', () => {
    expect(parseCsv(text(formatEvaluationCsv(sampleReport)))).toContainEqual([
      'unsure',
      'unknown',
      'image-os-build',
      'unknown',
      "Cannot tell whether the images start on npwin: the registry has not described contoso.azurecr.io/app:7.3. To settle it: check the registry's credentials (contoso.azurecr.io/app:7.3).",
    ]);
  });

  it('quotes the message with a comma, quotes and a line break', () => {
    expect(text(formatEvaluationCsv(sampleReport))).toContain(
      'legacy,blocked,image-os-build,fail,' +
        '"Image ""legacy:1, old"" cannot start on npwin\n(10.0.20348)."\r\n',
    );
  });
});

describe('formatWhatIfCsv', () => {
  it('writes one row per impacted service and reason', () => {
    expect(parseCsv(text(formatWhatIfCsv(sampleWhatIf)))).toEqual([
      ['service', 'before', 'after', 'reason'],
      [
        'modern',
        'ready',
        'blocked',
        'image-os-build: no "2019" platform, none at all',
      ],
      ['modern', 'ready', 'blocked', 'upgrade-path: a | b'],
      ['quiet', 'ready', 'unknown', ''],
    ]);
  });

  it('writes only the header when nothing gets worse', () => {
    expect(text(formatWhatIfCsv(emptyWhatIf))).toBe(
      'service,before,after,reason\r\n',
    );
  });
});
