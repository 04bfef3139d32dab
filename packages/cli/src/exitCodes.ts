import type { ServiceStatus } from '@winready/plugin-windows-readiness-common';
import type { FailOn } from './options';

/** Exit codes of the CLI (README, "The command line"): 0 whatever the verdicts, 1 on --fail-on, 2 on bad input. */
export const EXIT_OK = 0;
/** `--fail-on` matched: some service is (or would become) too bad. */
export const EXIT_FAIL_ON = 1;
/** Bad input: unreadable or invalid file, bad option, unknown cluster/pool. */
export const EXIT_USAGE = 2;
/** Anything else is a bug in winready, not in the user's input. */
export const EXIT_INTERNAL = 3;

/** An error the user can fix; its message is printed as is. */
export class CliError extends Error {
  name = 'CliError';

  constructor(message: string, readonly exitCode: number = EXIT_USAGE) {
    super(message);
  }
}

/**
 * The exit code for the statuses a run ends with: `--fail-on blocked` fails
 * on any blocked service, `--fail-on at-risk` on any blocked or at-risk one.
 */
export function exitCodeFor(
  statuses: readonly ServiceStatus[],
  failOn?: FailOn,
): number {
  const failing: readonly ServiceStatus[] =
    failOn === 'at-risk' ? ['blocked', 'at-risk'] : ['blocked'];
  return failOn && statuses.some(status => failing.includes(status))
    ? EXIT_FAIL_ON
    : EXIT_OK;
}

/**
 * The message of anything thrown. Duck-typed: Node's own errors fail
 * `instanceof Error` when they come from another realm (as under Jest).
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
