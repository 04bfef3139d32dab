/** Progress goes to stderr, so that stdout holds only the report (or its JSON). */
export const progress = (message: string) =>
  process.stderr.write(`[bench] ${message}\n`);
