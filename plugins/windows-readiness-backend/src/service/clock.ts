import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';

/** Where the plugin reads the time: refreshes, evaluations' "as of", what-ifs. */
export interface ClockService {
  now(): Date;
}

/**
 * The wall clock by default. Tests replace it (startTestBackend features) so
 * that verdicts that count days from "now" do not depend on the day they run.
 */
export const clockServiceRef = createServiceRef<ClockService>({
  id: 'windows-readiness.clock',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {},
      factory: () => ({ now: () => new Date() }),
    }),
});

/** A clock that starts at `start` and moves on with real time. */
export function clockFrom(start: Date): ClockService {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
