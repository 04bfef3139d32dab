import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseWindowsReadinessStore } from '../store/DatabaseWindowsReadinessStore';
import { InstancePresence } from './InstancePresence';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('InstancePresence', () => {
  const now = () => new Date('2027-01-04T10:00:00Z');

  async function instances(names: string[]) {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseWindowsReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    const all = names.map(
      instance => new InstancePresence({ store, instance, now }),
    );
    for (const presence of all) await presence.start();
    return all;
  }

  /** Runs `count` shards on `presence` until `done` resolves. */
  function hold(
    presence: InstancePresence,
    count: number,
    done: Promise<void>,
  ) {
    for (let i = 0; i < count; i++) void presence.track(() => done);
  }

  it.each([
    // [shards running on A, B, C] -> does A see another instance with fewer?
    [[1, 0, 0], 1, true],
    [[2, 1, 1], 2, true],
    [[3, 1, 2], 3, true],
    [[1, 1, 1], 1, false],
    [[2, 2, 3], 2, false],
    [[0, 0, 0], 0, false],
  ])(
    'A running %j: another runs fewer than %d: %s',
    async (runs, than, fewer) => {
      const [a, b, c] = await instances(['A', 'B', 'C']);
      let release!: () => void;
      const done = new Promise<void>(resolve => {
        release = resolve;
      });
      [a, b, c].forEach((presence, i) => hold(presence, runs[i], done));
      // track() says so at once; wait for the writes it started.
      await new Promise(resolve => setTimeout(resolve, 50));
      expect(a.busy).toBe(runs[0]);
      expect(await a.anotherRunsFewer(than)).toBe(fewer);
      release();
      for (const presence of [a, b, c]) await presence.stop();
    },
  );

  it('ignores an instance not heard of for three heartbeats', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseWindowsReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    let at = now();
    const gone = new InstancePresence({
      store,
      instance: 'gone',
      now: () => at,
    });
    await gone.start();
    at = new Date(at.getTime() + 16_000);
    const a = new InstancePresence({ store, instance: 'A', now: () => at });
    await a.start();
    expect(await a.anotherRunsFewer(1)).toBe(false);
    await gone.stop();
    await a.stop();
  });
});
