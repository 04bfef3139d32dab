import { csvCell, csvRow, parseCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ["it's fine", "it's fine"],
    // Formulas a spreadsheet would run (OWASP CSV injection).
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+cmd|" /C calc"!A0', '"\'+cmd|"" /C calc""!A0"'],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', '"\'\rCR"'],
    ['a=1', 'a=1'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('csvRow', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvRow(['a', 'b,c', '=1'])).toBe('a,"b,c",\'=1\r\n');
  });
});

describe('parseCsv', () => {
  it('reads back what csvRow wrote', () => {
    const rows = [
      ['entity', 'summary'],
      ['a,b', 'say "hi"\non two lines'],
      ['=1', ''],
    ];
    expect(parseCsv(rows.map(csvRow).join(''))).toEqual([
      rows[0],
      rows[1],
      ["'=1", ''],
    ]);
  });
});
