import type { WindowsReadinessStore } from '../store';

const PREFIX = 'instance:';

/** What an instance says of itself, every heartbeat. */
interface Presence {
  heartbeatAt: string;
  /** Shard runs in progress on it. */
  running: number;
}

/**
 * The backend instances sharing the store, each saying every few seconds
 * how many shard runs it has in progress: a busy instance hands a shard it
 * has just been given back to the scheduler only when another one runs fewer.
 */
export class InstancePresence {
  private running = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly options: {
      store: WindowsReadinessStore;
      instance: string;
      now: () => Date;
      heartbeatMs?: number;
    },
  ) {}

  private get heartbeatMs() {
    return this.options.heartbeatMs ?? 5_000;
  }

  private beat(): Promise<void> {
    const presence: Presence = {
      heartbeatAt: this.options.now().toISOString(),
      running: this.running,
    };
    return this.options.store
      .setMeta(`${PREFIX}${this.options.instance}`, presence as any)
      .catch(() => undefined);
  }

  async start() {
    this.timer = setInterval(() => void this.beat(), this.heartbeatMs);
    this.timer.unref?.();
    // Instances that stopped without saying so: not heard of for an hour.
    const old = this.options.now().getTime() - 3_600_000;
    for (const entry of await this.options.store.listMeta(PREFIX)) {
      if (Date.parse(entry.updatedAt) < old) {
        await this.options.store.deleteMeta(entry.key).catch(() => undefined);
      }
    }
    await this.beat();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    await this.options.store
      .deleteMeta(`${PREFIX}${this.options.instance}`)
      .catch(() => undefined);
  }

  /** Shard runs this instance has in progress. */
  get busy(): number {
    return this.running;
  }

  async track<T>(run: () => Promise<T>): Promise<T> {
    this.running++;
    void this.beat();
    try {
      return await run();
    } finally {
      this.running--;
      void this.beat();
    }
  }

  /**
   * Whether another instance, heard of within three heartbeats, runs fewer
   * than `runs` shards: the shard would leave the instances more even there.
   * ("Another is idle" was not enough: with three instances, one kept taking
   * shards while the other two ran one each.)
   */
  async anotherRunsFewer(runs: number): Promise<boolean> {
    const since = this.options.now().getTime() - 3 * this.heartbeatMs;
    const entries = await this.options.store.listMeta(PREFIX);
    return entries.some(entry => {
      if (entry.key === `${PREFIX}${this.options.instance}`) return false;
      const presence = entry.value as unknown as Presence | null;
      return (
        !!presence &&
        Date.parse(presence.heartbeatAt) >= since &&
        presence.running < runs
      );
    });
  }
}
