/** Where the CLI writes: process streams in `run`, buffers in tests. */
export interface CliIo {
  /** Results; a promise means: wait for it before writing more (backpressure). */
  stdout(text: string): void | Promise<void>;
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

const BATCH = 64 * 1024;

/** Writes the pieces of an output to stdout in batches of about 64 kB, waiting when stdout asks to. */
export async function writeOutput(
  io: CliIo,
  pieces: Iterable<string>,
): Promise<void> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= BATCH) {
      await io.stdout(batch);
      batch = '';
    }
  }
  if (batch) await io.stdout(batch);
}

/** stdout of `run`: a write the stream cannot take at once waits for it to drain (or to close). */
export function streamOutput(
  stream: NodeJS.WritableStream,
): (text: string) => void | Promise<void> {
  return text => {
    if (stream.write(text)) return undefined;
    return new Promise(resolve => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
      stream.on('error', done);
    });
  };
}
