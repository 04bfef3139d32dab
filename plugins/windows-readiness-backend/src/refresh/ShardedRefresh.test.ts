import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseWindowsReadinessStore } from '../store/DatabaseWindowsReadinessStore';
import { InstancePresence } from './InstancePresence';
import { ShardedRefresh } from './ShardedRefresh';
import type { ShardOutcome, ShardRefresher } from './ShardRefresher';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('ShardedRefresh.runShard', () => {
  const now = () => new Date('2027-01-04T10:00:00Z');

  async function setUp() {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseWindowsReadinessStore.create({
      database: mockServices.database({ knex }),
    });
    const presence = (instance: string) =>
      new InstancePresence({ store, instance, now });
    const [here, idle] = [presence('here'), presence('idle')];
    await here.start();
    await idle.start();
    let finish!: () => void;
    const finished = new Promise<void>(resolve => {
      finish = resolve;
    });
    const ran: number[] = [];
    const refresher = {
      run: async (shard: number) => {
        ran.push(shard);
        await finished;
        return { shard } as ShardOutcome;
      },
    } as unknown as ShardRefresher;
    const scheduler = mockServices.scheduler.mock({
      cancelTask: async () => {},
      triggerTask: async () => {},
    });
    const refresh = new ShardedRefresh({
      store,
      refresher,
      shards: 4,
      now,
      presence: here,
      scheduler,
      logger: mockServices.logger.mock(),
      perInstance: 1,
      instance: 'here',
      pollIntervalMs: 10,
    });
    return { refresh, scheduler, ran, finish, here, idle };
  }

  it('hands back the shards given at the same moment beyond its share while another instance is idle', async () => {
    const { refresh, scheduler, ran, finish, here, idle } = await setUp();
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const runs = [0, 1, 2, 3].map(shard => refresh.runShard(shard));
    // Let the hand-backs (250 ms at the least) end; the one run kept waits.
    await new Promise(resolve => setTimeout(resolve, 1000));
    expect(ran).toHaveLength(1);
    const handedBack = scheduler.triggerTask.mock.calls.map(([id]) => id);
    expect(handedBack).toHaveLength(3);
    expect(handedBack).not.toContain(refresh.taskIds[ran[0]]);
    finish();
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter(Boolean)).toEqual([{ shard: ran[0] }]);
    await here.stop();
    await idle.stop();
  });

  it('runs them all when no other instance runs fewer', async () => {
    const { refresh, scheduler, ran, finish, here, idle } = await setUp();
    await idle.stop();
    const runs = [0, 1, 2].map(shard => refresh.runShard(shard));
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(ran.sort()).toEqual([0, 1, 2]);
    expect(scheduler.triggerTask).not.toHaveBeenCalled();
    finish();
    await Promise.all(runs);
    await here.stop();
  });
});
