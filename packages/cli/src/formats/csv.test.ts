import {
  emptyWhatIf,
  sampleReport,
  sampleWhatIf,
} from '../__fixtures__/results';
import { csvField, formatEvaluationCsv, formatWhatIfCsv } from './csv';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['"', '""""'],
    ["it's fine", "it's fine"],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

/** A small RFC 4180 reader, to check that the output reads back intact. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

describe('formatEvaluationCsv', () => {
  it('writes a header and one row per service and check', () => {
    const rows = parseCsv(formatEvaluationCsv(sampleReport));
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
    expect(parseCsv(formatEvaluationCsv(sampleReport))).toContainEqual([
      'unsure',
      'unknown',
      'image-os-build',
      'unknown',
      "Cannot tell whether the images start on npwin: the registry has not described contoso.azurecr.io/app:7.3. To settle it: check the registry's credentials (contoso.azurecr.io/app:7.3).",
    ]);
  });

  it('quotes the message with a comma, quotes and a line break', () => {
    expect(formatEvaluationCsv(sampleReport)).toContain(
      'legacy,blocked,image-os-build,fail,' +
        '"Image ""legacy:1, old"" cannot start on npwin\n(10.0.20348)."\r\n',
    );
  });
});

describe('formatWhatIfCsv', () => {
  it('writes one row per impacted service and reason', () => {
    expect(parseCsv(formatWhatIfCsv(sampleWhatIf))).toEqual([
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
    expect(formatWhatIfCsv(emptyWhatIf)).toBe(
      'service,before,after,reason\r\n',
    );
  });
});
