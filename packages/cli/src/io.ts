/** Where the CLI writes: process streams in `run`, buffers in tests. */
export interface CliIo {
  /** Results. */
  stdout(text: string): void;
  /** Errors and notes, so that stdout stays machine-readable. */
  stderr(text: string): void;
  /** All of standard input as text (for `-`); rejects past `maxBytes`. */
  stdin?(maxBytes: number): Promise<string>;
}

/** Reads a stream to its end as UTF-8, refusing more than `maxBytes`. */
export async function readAll(
  stream: AsyncIterable<Buffer | string>,
  maxBytes: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes) {
      throw new Error(`stdin holds more than ${maxBytes} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
