import { shardOf, shardSchedules } from './shards';

describe('shardOf', () => {
  it('puts a cluster in the same shard every time, and spreads many', () => {
    expect(shardOf('aks-weu-legacy', 4)).toBe(shardOf('aks-weu-legacy', 4));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 1000; i++) counts[shardOf(`aks-${i}`, 4)]++;
    for (const count of counts) {
      expect(count).toBeGreaterThan(200);
      expect(count).toBeLessThan(300);
    }
  });
});

describe('shardSchedules', () => {
  const base = { timeout: { minutes: 5 }, initialDelay: { seconds: 3 } };

  it.each([
    [
      { minutes: 30 },
      4,
      [
        '0 0-59/30 * * * *',
        '30 7-59/30 * * * *',
        '0 15-59/30 * * * *',
        '30 22-59/30 * * * *',
      ],
    ],
    [{ minutes: 10 }, 2, ['0 0-59/10 * * * *', '0 5-59/10 * * * *']],
    [
      { hours: 6 },
      3,
      ['0 0 0-23/6 * * *', '0 0 2-23/6 * * *', '0 0 4-23/6 * * *'],
    ],
  ])('spreads %j over %i shards', (frequency, shards, crons) => {
    const schedules = shardSchedules({ ...base, frequency }, shards);
    expect(schedules.map(s => (s.frequency as { cron: string }).cron)).toEqual(
      crons,
    );
    // What the scheduler needs besides the cadence stays.
    expect(schedules[1]).toMatchObject(base);
  });

  it('runs every shard at start-up, as a duration does, when no initial delay is set', () => {
    const [first] = shardSchedules(
      { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
      2,
    );
    expect(first.initialDelay).toEqual({ seconds: 0 });
  });

  it.each([
    [{ minutes: 7 }],
    [{ cron: '*/5 * * * *' }],
    [{ trigger: 'manual' as const }],
  ])('keeps a cadence it cannot spread (%j) as it is', frequency => {
    const schedules = shardSchedules({ ...base, frequency } as any, 3);
    expect(schedules).toEqual([
      { ...base, frequency },
      { ...base, frequency },
      { ...base, frequency },
    ]);
  });
});
