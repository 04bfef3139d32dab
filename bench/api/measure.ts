/**
 * One measured run of `yarn bench:api`, whatever its kind (autocannon,
 * paced): the backend's event-loop delay is reset before it and read after
 * it, the backend is CPU-profiled around it with `--profile`, and the next
 * run waits, bounded, for the backend and the simulator to go idle.
 */
import { join, resolve } from 'node:path';
import { progress } from '../evaluate/progress';
import type { Args } from './args';
import { waitForIdle, type Child } from './children';
import { runLoad, type LoadResult } from './load';
import { runPaced } from './paced';
import { probeBackend, resetLoopDelay } from './probe';
import { ms } from './report';

type Common = {
  baseUrl: string;
  token: string;
  pids: { backend?: number; simulator?: number };
  timeoutS: number;
};
export type RunOptions = Omit<Parameters<typeof runLoad>[0], keyof Common>;

export function createMeasure(args: Args, backend: Child, common: Common) {
  const runs: LoadResult[] = [];
  const measure = async (
    label: string,
    options: RunOptions,
  ): Promise<LoadResult> => {
    progress(
      `measuring ${label}: ${options.connections} connections, ${
        options.amount ? `${options.amount} requests` : `${options.durationS} s`
      }`,
    );
    const profile = args.profileDir
      ? join(resolve(args.profileDir), `backend-${options.name}.cpuprofile`)
      : undefined;
    if (profile) {
      backend.send({ type: 'profile-start' });
      await backend.waitForMessage(
        m => (m?.type === 'profile-started' ? true : undefined),
        30_000,
      );
    }
    await resetLoopDelay(backend);
    const result = options.overallRate
      ? await runPaced({ ...common, ...options, rate: options.overallRate })
      : await runLoad({ ...common, ...options });
    result.eventLoopDelay = (await probeBackend(backend)).loop;
    if (profile) {
      backend.send({ type: 'profile-stop', file: profile });
      await backend.waitForMessage(
        m => (m?.type === 'profile-stopped' ? true : undefined),
        120_000,
      );
      progress(`  CPU profile of the backend: ${profile}`);
    }
    // The next run must not queue behind this one's unanswered requests.
    const drainStart = Date.now();
    const maxMs = args.drainTimeoutS * 1000;
    await waitForIdle(common.pids.backend, { maxMs });
    await waitForIdle(common.pids.simulator, { maxMs });
    result.drainS = (Date.now() - drainStart) / 1000;
    progress(
      `  ${result.ok} ok, ${result.non2xx} non-2xx, ${result.errors} errors, ${
        result.inFlightAtStop
      } open (drained in ${result.drainS.toFixed(0)} s); p50 ${ms(
        result.latencyMs.p50,
      )}, p99 ${ms(result.latencyMs.p99)}, ${result.requestsPerSecond.toFixed(
        0,
      )} req/s; event-loop delay p99 ${ms(
        result.eventLoopDelay.p99Ms,
      )}, max ${ms(result.eventLoopDelay.maxMs)}`,
    );
    runs.push(result);
    return result;
  };
  return { measure, runs };
}
