/** Where the CLI writes: process streams in `run`, buffers in tests. */
export interface CliIo {
  /** Results. */
  stdout(text: string): void;
  /** Errors and notes, so that stdout stays machine-readable. */
  stderr(text: string): void;
}
