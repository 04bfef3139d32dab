import { chunk, toBoolean, toIsoTimestamp } from './db';

describe('toIsoTimestamp', () => {
  const iso = '2026-11-27T08:00:00.000Z';

  it.each([
    ['a Date (PostgreSQL)', new Date(iso)],
    ['epoch milliseconds (SQLite)', Date.parse(iso)],
    ['epoch milliseconds as text', String(Date.parse(iso))],
    ['a zone-less SQLite datetime (UTC)', '2026-11-27 08:00:00'],
    ['an ISO string', iso],
    ['an offset string', '2026-11-27T09:00:00+01:00'],
  ])('reads %s', (_, value) => {
    expect(toIsoTimestamp(value)).toBe(iso);
  });

  it('keeps milliseconds of SQLite datetimes', () => {
    expect(toIsoTimestamp('2026-11-27 08:00:00.123')).toBe(
      '2026-11-27T08:00:00.123Z',
    );
  });

  it('maps null to undefined and refuses garbage', () => {
    expect(toIsoTimestamp(null)).toBeUndefined();
    expect(toIsoTimestamp(undefined)).toBeUndefined();
    expect(() => toIsoTimestamp('yesterday')).toThrow(TypeError);
    expect(() => toIsoTimestamp({})).toThrow(TypeError);
  });
});

describe('helpers', () => {
  it('reads booleans of both drivers', () => {
    expect([true, 1, false, 0, null].map(toBoolean)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('chunks', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
  });
});
