import { InvalidArgumentError } from 'commander';
import { parseAt } from './options';

describe('parseAt', () => {
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['0999-12-31', '0999-12-31T00:00:00.000Z'],
  ])('reads %s as UTC midnight', (value, iso) => {
    expect(parseAt(value).toISOString()).toBe(iso);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
    '2026-11-01T00:00:00Z',
    ' 2026-11-01',
    '01/11/2026',
    'tomorrow',
    '',
  ])('rejects %j', value => {
    expect(() => parseAt(value)).toThrow(InvalidArgumentError);
    expect(() => parseAt(value)).toThrow(/YYYY-MM-DD/);
  });
});
