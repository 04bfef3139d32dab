/**
 * Child process of `yarn bench:api`: a real Backstage backend (new backend
 * system, `createBackend()` from @backstage/backend-defaults) with the
 * windows-readiness plugin, the real catalog, the permission backend with the
 * allow-all policy, the auth backend with the guest provider and the
 * Kubernetes backend. Its config comes from the `--config` files on its
 * command line, as for any Backstage backend. Stops on SIGTERM or when the
 * parent goes.
 *
 * Over IPC it answers `probe` with its own memory (rss, heap, peak RSS) and
 * the event-loop delay measured since the last `loop-reset`
 * (perf_hooks.monitorEventLoopDelay): how late a timer due every
 * LOOP_RESOLUTION_MS ran, with that interval taken off.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBackend } from '@backstage/backend-defaults';
import type { BackendProbe } from './probe';

const LOOP_RESOLUTION_MS = 10;
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loop.enable();

const MB = 1024 * 1024;
function probe(): BackendProbe {
  const memory = process.memoryUsage();
  // The histogram holds nanoseconds between ticks due every resolution.
  const delay = (ns: number) =>
    loop.count ? Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS) : NaN;
  return {
    type: 'probe',
    memory: {
      rssMb: memory.rss / MB,
      heapUsedMb: memory.heapUsed / MB,
      externalMb: (memory.external + memory.arrayBuffers) / MB,
      // resourceUsage().maxRSS is in kilobytes.
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    },
    loop: {
      resolutionMs: LOOP_RESOLUTION_MS,
      samples: loop.count,
      p50Ms: delay(loop.percentile(50)),
      p90Ms: delay(loop.percentile(90)),
      p99Ms: delay(loop.percentile(99)),
      maxMs: delay(loop.max),
      meanMs: delay(loop.mean),
    },
  };
}

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('@winready/plugin-windows-readiness-backend'));

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  const hard = setTimeout(() => process.exit(1), 5000);
  hard.unref();
  backend.stop().finally(() => process.exit(0));
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.once('disconnect', stop);

// `--profile DIR`: the parent brackets each load run with profile-start and
// profile-stop messages; the CPU profile of that run goes to the given file.
let session: Session | undefined;
process.on('message', (message: any) => {
  const answer = (reply: object) => process.send?.(reply);
  if (message?.type === 'loop-reset') {
    loop.reset();
    answer({ type: 'loop-reset' });
  } else if (message?.type === 'probe') {
    answer(probe());
  } else if (message?.type === 'profile-start') {
    if (!session) {
      session = new Session();
      session.connect();
    }
    session
      .post('Profiler.enable')
      .then(() => session!.post('Profiler.start'))
      .then(
        () => answer({ type: 'profile-started' }),
        error => answer({ type: 'error', message: String(error) }),
      );
  } else if (message?.type === 'profile-stop' && session) {
    session
      .post('Profiler.stop')
      .then(({ profile }) => {
        writeFileSync(message.file, JSON.stringify(profile));
        answer({ type: 'profile-stopped', file: message.file });
      })
      .catch(error => answer({ type: 'error', message: String(error) }));
  }
});

backend.start().then(
  () => process.send?.({ type: 'started' }),
  error => {
    process.send?.({ type: 'error', message: String(error?.stack ?? error) });
    setTimeout(() => process.exit(1), 500).unref();
  },
);
