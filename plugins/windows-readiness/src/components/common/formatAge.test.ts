import { formatAge, formatCollected } from './formatAge';

const now = new Date('2026-11-27T10:48:56.576Z');

describe('formatAge', () => {
  it.each([
    ['2026-11-27T10:48:56.576Z', 'just now'],
    ['2026-11-27T10:48:30.000Z', 'just now'],
    ['2026-11-27T10:50:00.000Z', 'just now'], // clock skew: ahead of now
    ['2026-11-27T10:47:56.576Z', '1 minute ago'],
    ['2026-11-27T10:43:12.000Z', '5 minutes ago'],
    ['2026-11-27T09:48:56.576Z', '1 hour ago'],
    ['2026-11-26T22:10:04.000Z', '12 hours ago'],
    ['2026-11-26T10:48:56.576Z', '1 day ago'],
    ['2026-11-13T10:48:56.576Z', '14 days ago'],
    ['2026-08-01T00:00:00.000Z', '3 months ago'],
    ['2024-11-01T00:00:00.000Z', '2 years ago'],
  ])('%s is %s', (then, expected) => {
    expect(formatAge(then, now)).toBe(expected);
  });

  it('takes dates and epoch milliseconds', () => {
    expect(formatAge(new Date('2026-11-27T08:48:56.576Z'), now.getTime())).toBe(
      '2 hours ago',
    );
  });

  it.each([undefined, 'not a date'])('says so for %s', then => {
    expect(formatAge(then, now)).toBe('at an unknown time');
  });

  it('words a collection', () => {
    expect(formatCollected('2026-11-27T10:43:12.000Z', now)).toBe(
      'Collected 5 minutes ago',
    );
    expect(formatCollected(undefined, now)).toBe('Never collected');
  });
});
