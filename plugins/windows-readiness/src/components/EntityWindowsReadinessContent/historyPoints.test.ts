import { daysByStatus, historyPoints } from './historyPoints';
import { historyFixture } from './__fixtures__';

describe('historyPoints', () => {
  it('makes one point a day, in day order, from the status counted 1', () => {
    const points = historyPoints([...historyFixture.items].reverse());
    expect(points).toHaveLength(14);
    expect(points[0]).toEqual({ day: '2026-11-14', status: 'ready', level: 1 });
    expect(points[3]).toEqual({
      day: '2026-11-17',
      status: 'blocked',
      level: 4,
    });
    expect(points[13]).toEqual({
      day: '2026-11-27',
      status: 'at-risk',
      level: 3,
    });
  });

  it('skips days without a count', () => {
    const empty = { ...historyFixture.items[0], counts: {} as any };
    expect(historyPoints([empty])).toEqual([]);
  });

  it('counts days per status, worst first', () => {
    expect(daysByStatus(historyPoints(historyFixture.items))).toEqual([
      { status: 'blocked', days: 2 },
      { status: 'at-risk', days: 9 },
      { status: 'ready', days: 3 },
    ]);
  });
});
