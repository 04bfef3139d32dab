/** An error as the benchmarks print it on stderr: its stack when it has one. */
export function errorText(error: unknown): string {
  return `${error instanceof Error ? error.stack ?? error.message : error}\n`;
}

/**
 * Runs a benchmark's main: an error goes to stderr and the exit code is 2.
 * `exit` ends the process as soon as main settles, for benchmarks whose
 * keep-alive sockets or child handles would hold it open.
 */
export function runMain(
  main: () => Promise<void>,
  options: { exit?: boolean } = {},
): void {
  main().then(
    () => {
      if (options.exit) process.exit(process.exitCode ?? 0);
    },
    error => {
      process.stderr.write(errorText(error));
      process.exitCode = 2;
      if (options.exit) process.exit(2);
    },
  );
}

/**
 * Runs the main of a benchmark's child process: an error goes to the parent
 * over IPC (`{ type: 'error', message }`), and the child exits 1 once the
 * message has had time to leave.
 */
export function runChildMain(main: () => Promise<void>): void {
  main().catch(error => {
    process.send?.({ type: 'error', message: String(error?.stack ?? error) });
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 500).unref();
  });
}
