/**
 * What the backend child of `yarn bench:api` says about itself over IPC
 * (see ./backendChild.ts): its memory, and its event-loop delay since the
 * last reset, so that a load run's delay is that run's alone.
 */
import type { Child } from './children';

export interface BackendMemory {
  rssMb: number;
  heapUsedMb: number;
  /** Memory outside the V8 heap: buffers and array buffers. */
  externalMb: number;
  /** The most the process has held so far (resourceUsage().maxRSS). */
  peakRssMb: number;
}

/** Event-loop delay in ms beyond the timer's interval (monitorEventLoopDelay). */
export interface LoopDelay {
  resolutionMs: number;
  samples: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface BackendProbe {
  type: 'probe';
  memory: BackendMemory;
  loop: LoopDelay;
}

const PROBE_TIMEOUT_MS = 30_000;

/** Starts the backend's event-loop delay histogram afresh. */
export async function resetLoopDelay(backend: Child): Promise<void> {
  backend.send({ type: 'loop-reset' });
  await backend.waitForMessage(
    m => (m?.type === 'loop-reset' ? true : undefined),
    PROBE_TIMEOUT_MS,
  );
}

/** The backend's memory now and its event-loop delay since the last reset. */
export async function probeBackend(backend: Child): Promise<BackendProbe> {
  backend.send({ type: 'probe' });
  return backend.waitForMessage<BackendProbe>(
    m => (m?.type === 'probe' ? m : undefined),
    PROBE_TIMEOUT_MS,
  );
}
